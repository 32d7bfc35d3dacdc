// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.exec.LocalExecutor;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.validate.TestModels;
import org.her2sim.engine.output.Json;
import org.her2sim.her2.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cohort run's model interval spans the response rates of the ensemble's parameter sets. */
class EnsembleRunTest {
    @TempDir
    Path dir;

    private static double overall(CohortRun.Outcome o) {
        return o.summary().headline().rate();
    }

    @Test
    void theIntervalIsTheRangeOverTheMembers() throws IOException {
        Path m = TestModels.withRows(dir.resolve("m"), "[]\n");
        Files.writeString(m.resolve("network/fitted.yaml"), "parameters:\n  k_apo: {value: 1, interval: [0.3, 3], constrained: true}\n"
            + "ensemble:\n  - {k_apo: 0.3}\n  - {k_apo: 3}\n");
        Catalog c = Catalog.load(m);
        ModelRef model = ModelRef.directory(m).with(c);
        Path cohort = Fixtures.cohort(dir, "c.csv", 16);
        CohortRun.Request req = new CohortRun.Request(cohort, CohortRun.Mode.THERAPY, List.of("trastuzumab"), 5, 120, 0, false, null, 1, "test");
        LocalExecutor ex = new LocalExecutor(2);
        EnsembleRun.Ensemble e = EnsembleRun.run(model, req, ex);
        assertThat(e.members()).isEqualTo(2);
        double low = overall(CohortRun.run(model.with(c.withParameters(Map.of("k_apo", 0.3))), req, ex, CohortRun.Listener.NONE));
        double high = overall(CohortRun.run(model.with(c.withParameters(Map.of("k_apo", 3.0))), req, ex, CohortRun.Listener.NONE));
        assertThat(e.overall()).isEqualTo(new EnsembleRun.Range(Math.min(low, high), Math.max(low, high)));
        assertThat(e.subgroups().keySet()).contains("pik3ca_mutation", "pten_loss", "muc4_high");
        assertThat(e.text()).contains("2 sets").contains("pik3ca_mutation");
        // ensemble.json: the same figures as lists
        String json = e.json();
        EnsembleRun.Subgroup pik3ca = e.subgroups().get("pik3ca_mutation");
        assertThat(json).startsWith("{\n  \"members\": 2,\n  \"measure\": \"responseRate (sensitive)\",\n")
            .contains("\"overall\": [" + Json.num(e.overall().low()) + ", " + Json.num(e.overall().high()) + "]")
            .contains("\"pik3ca_mutation\": {\n      \"present\": [" + Json.num(pik3ca.present().low()) + ", " + Json.num(pik3ca.present().high())
                + "],\n      \"absent\": [" + Json.num(pik3ca.absent().low()) + ", " + Json.num(pik3ca.absent().high()) + "]\n    }");
    }

    @Test
    void noEnsembleNoInterval() throws IOException {
        Path m = TestModels.withRows(dir.resolve("m"), "[]\n");
        Catalog c = Catalog.load(m);
        Path cohort = Fixtures.cohort(dir, "c.csv", 8);
        CohortRun.Request req = new CohortRun.Request(cohort, CohortRun.Mode.THERAPY, List.of("trastuzumab"), 5, 60, 0, false, null, 1, "test");
        EnsembleRun.Ensemble none = EnsembleRun.run(ModelRef.directory(m).with(c), req, new LocalExecutor(1));
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.json()).isEqualTo("{}\n");
        assertThat(none.text()).isEmpty();
    }
}
