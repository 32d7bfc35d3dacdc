// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.cohort.variant.CnaReader;
import org.her2sim.cohort.variant.MafReader;
import org.her2sim.cohort.variant.VcfReader;
import org.her2sim.engine.error.ModelException;

/**
 * Fuzz targets for the sequencing inputs (VCF, MAF, copy-number tables, plain or gzipped): any
 * file is read or refused with a {@link ModelException}; nothing else may escape. The normal test
 * run replays {@code src/test/resources/org/her2sim/cohort/fuzz/VariantFuzzTestInputs}.
 */
class VariantFuzzTest {
    @FunctionalInterface
    interface Reader {
        void read(Path file) throws IOException;
    }

    private static void read(byte[] data, String name, Reader reader) throws IOException {
        Path file = Files.createTempFile("her2sim-fuzz", name);
        Files.write(file, data);
        try {
            reader.read(file);
        } catch (ModelException e) {
            assertThat(e.getMessage()).contains(file.getFileName().toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FuzzTest
    void vcf(byte[] data) throws IOException {
        read(data, "fuzz.vcf", VcfReader::read);
    }

    @FuzzTest
    void maf(byte[] data) throws IOException {
        read(data, "fuzz.maf", MafReader::read);
    }

    @FuzzTest
    void cna(byte[] data) throws IOException {
        read(data, "fuzz_cna.txt", CnaReader::read);
    }
}
