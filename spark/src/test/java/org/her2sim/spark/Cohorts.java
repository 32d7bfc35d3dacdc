// SPDX-License-Identifier: Apache-2.0
package org.her2sim.spark;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.cohort.virtual.CohortFile;
import org.her2sim.cohort.virtual.CohortSampler;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.cohort.virtual.Setting;

/** Small virtual cohorts for the tests. */
final class Cohorts {
    private Cohorts() {
    }

    /** {@code size} virtual patients (pretreated, seed 42) written to {@code dir/name}. */
    static Path write(Path dir, String name, int size) throws IOException {
        Path p = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(p)) {
            CohortFile.write(new CohortSampler(PrevalenceModel.load()).sample(size, 42, Setting.PRETREATED, 1), w);
        }
        return p;
    }
}
