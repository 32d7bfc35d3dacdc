// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.engine.error.ModelException;
import org.her2sim.formats.FormatRegistry;
import org.her2sim.formats.ModelDocument;

/**
 * Fuzz targets for every model format read: any file is read (and converted to bioLQM's model),
 * or refused with a {@link ModelException} naming it; nothing else may escape. The normal test
 * run replays {@code src/test/resources/org/her2sim/formats/fuzz/FormatsFuzzTestInputs}.
 */
class FormatsFuzzTest {
    private static final FormatRegistry FORMATS = FormatRegistry.load();
    /** Reads the bytes as a file of this extension; only a ModelException naming the file may come out. */
    private static void read(byte[] data, String extension) throws IOException {
        Path file = Files.createTempFile("her2sim-fuzz", "." + extension);
        Files.write(file, data);
        try {
            ModelDocument doc = FORMATS.read(file, null);
            doc.toLogicalModel();
        } catch (ModelException e) {
            assertThat(e.getMessage()).isNotBlank();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FuzzTest
    void bnet(byte[] data) throws IOException {
        read(data, "bnet");
    }

    @FuzzTest
    void booleanNet(byte[] data) throws IOException {
        read(data, "booleannet");
    }

    @FuzzTest
    void sbml(byte[] data) throws IOException {
        read(data, "sbml");
    }

    @FuzzTest
    void ginml(byte[] data) throws IOException {
        read(data, "ginml");
    }

    @FuzzTest
    void zginml(byte[] data) throws IOException {
        read(data, "zginml");
    }
}
