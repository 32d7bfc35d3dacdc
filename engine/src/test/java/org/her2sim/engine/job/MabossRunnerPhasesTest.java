// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.job.MabossJob.ConfigSource;
import org.her2sim.engine.model.NetworkBuilder.Redeclaration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The phases a run reports (what HER2SIM_TIMING times), in order, and that the files appear only in the last. */
class MabossRunnerPhasesTest {
    @TempDir
    Path dir;

    private MabossJob job(boolean finalOnly) throws IOException {
        Path model = Files.writeString(dir.resolve("m.bnd"), "node A { rate_up = 1; rate_down = 1; }\nnode B { logic = A; rate_up = @logic; rate_down = !@logic; }\n");
        MabossJob.Output out = new MabossJob.Output(MabossJob.Format.CSV, finalOnly, false, 0, false, null, List.of(), "test");
        return new MabossJob(List.of(model), List.of(ConfigSource.expr("sample_count = 200; max_time = 3; time_tick = 0.5")), List.of(),
            dir.resolve("r").toString(), out, Redeclaration.ERROR, 2L, 5L, List.of(), null, null);
    }

    /** Runs the job, recording each phase and whether the probtraj/finalprob file existed when it ended. */
    private List<String> phases(MabossJob job, String file) throws IOException {
        List<String> seen = new ArrayList<>();
        MabossRunner.run(job, MabossRunner.loadAll(job), null, name -> seen.add(name + (Files.exists(dir.resolve(file)) ? " (written)" : "")));
        return seen;
    }

    @Test
    void compileSimulateStatisticsWrite() throws IOException {
        assertThat(phases(job(false), "r_probtraj.csv")).containsExactly(MabossRunner.COMPILE, MabossRunner.SIMULATE, MabossRunner.STATISTICS,
            MabossRunner.WRITE + " (written)");
    }

    @Test
    void finalOnlyHasNoWindowStatistics() throws IOException {
        assertThat(phases(job(true), "r_finalprob.csv")).containsExactly(MabossRunner.COMPILE, MabossRunner.SIMULATE,
            MabossRunner.WRITE + " (written)");
    }
}
