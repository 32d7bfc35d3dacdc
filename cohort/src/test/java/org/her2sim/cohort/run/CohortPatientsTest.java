// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.cohort.run.request.CohortPatients;
import org.her2sim.cohort.virtual.Cohort;
import org.her2sim.cohort.virtual.CohortFile;
import org.her2sim.cohort.virtual.CohortSampler;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.cohort.virtual.Setting;
import org.her2sim.her2.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortPatientsTest {
    @TempDir
    Path dir;

    @Test
    void readingAPatientAtATimeGivesWhatTheWholeCohortGives() throws IOException {
        PrevalenceModel model = PrevalenceModel.load();
        Catalog catalog = Catalog.load();
        Cohort c = new CohortSampler(model).sample(3000, 11, Setting.PRETREATED, 2);
        StringWriter w = new StringWriter();
        CohortFile.write(c, w);
        // one free-form id among the usual ones
        Path f = dir.resolve("c.csv");
        Files.writeString(f, w.toString().replace("\nP000007,", "\nbed-7,"));
        CohortPatients whole = CohortPatients.of(CohortFile.read(f), model, catalog, "c.csv");
        CohortPatients streamed = CohortPatients.read(f, model, catalog, true);
        assertThat(streamed.size()).isEqualTo(3000);
        assertThat(streamed.keys()).isEqualTo(whole.keys());
        assertThat(streamed.features()).isEqualTo(whole.features());
        assertThat(streamed.mapsTo()).isEqualTo(whole.mapsTo());
        assertThat(streamed.warnings()).isEqualTo(whole.warnings());
        assertThat(streamed.counts()).isEqualTo(whole.counts());
        assertThat(streamed.hasPkScores()).isTrue();
        for (int i = 0; i < 3000; i++) {
            assertThat(streamed.id(i)).isEqualTo(whole.id(i)).isEqualTo(c.patients().get(i).id().replace("P000007", "bed-7"));
            assertThat(streamed.keyIndex(i)).isEqualTo(whole.keyIndex(i));
            assertThat(streamed.pk(i)).isEqualTo(whole.pk(i));
            assertThat(streamed.pk(i).z()).isEqualTo(c.patients().get(i).pkZ());
            assertThat(streamed.pk(i).weightKg()).isEqualTo(c.patients().get(i).weightKg());
            assertThat(streamed.pk(i).serumEcdNgMl()).isEqualTo(c.patients().get(i).serumEcdNgMl());
            for (int k = 0; k < streamed.features().size(); k++) {
                assertThat(streamed.has(i, k)).isEqualTo(whole.has(i, k));
            }
        }
        CohortPatients lean = CohortPatients.read(f, model, catalog, false);
        assertThat(lean.keys()).isEqualTo(whole.keys());
        assertThat(lean.hasPkScores()).isFalse();
        assertThatThrownBy(() -> lean.pk(0)).isInstanceOf(IllegalStateException.class);
    }
}
