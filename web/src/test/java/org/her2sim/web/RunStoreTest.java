// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history keeps finished runs across a clean close and across a crash. */
class RunStoreTest {
    @TempDir
    Path dir;

    private static void addRun(RunStore s, String id, String status) {
        s.insert(id, "predict", "pik3ca_mutant", List.of("trastuzumab"), 42, "ab".repeat(32), Map.of("profile", "pik3ca_mutant"));
        if (!status.equals("queued")) {
            s.started(id);
        }
        if (status.equals("done")) {
            s.finish(id, "done", Map.of("responseClass", "resistant", "responseScore", 0.12), "resistant (score 0.120)", null);
        }
    }

    @Test
    void finishedRunsSurviveACleanClose() throws IOException {
        try (RunStore s = RunStore.open(dir)) {
            addRun(s, "a", "done");
        }
        try (RunStore s = RunStore.open(dir)) {
            Map<String, Object> run = s.get("a");
            assertThat(run.get("status")).isEqualTo("done");
            assertThat(run.get("seed")).isEqualTo(42L);
            assertThat(run.get("modelHash")).isEqualTo("ab".repeat(32));
            assertThat((Map<String, Object>) run.get("inputs")).containsEntry("profile", "pik3ca_mutant");
            assertThat((Map<String, Object>) run.get("result")).containsEntry("responseClass", "resistant");
            assertThat(s.list(10)).extracting(m -> m.get("id")).containsExactly("a");
        }
    }

    @Test
    void finishedRunsSurviveACrashAndUnfinishedOnesAreMarkedInterrupted() throws Exception {
        RunStore s = RunStore.open(dir);
        addRun(s, "done-run", "done");
        addRun(s, "running-run", "running");
        addRun(s, "queued-run", "queued");
        s.crash();
        try (RunStore again = RunStore.open(dir)) {
            assertThat(again.get("done-run").get("status")).isEqualTo("done");
            assertThat((Map<String, Object>) again.get("done-run").get("result")).containsEntry("responseScore", 0.12);
            assertThat(again.get("running-run").get("status")).isEqualTo("interrupted");
            assertThat(again.get("queued-run").get("status")).isEqualTo("interrupted");
            assertThat(again.list(10)).hasSize(3);
        }
    }

    @Test
    void unknownRunsAreNull() throws IOException {
        try (RunStore s = RunStore.open(dir)) {
            assertThat(s.get("nope")).isNull();
            assertThat(s.list(5)).isEmpty();
        }
    }
}
