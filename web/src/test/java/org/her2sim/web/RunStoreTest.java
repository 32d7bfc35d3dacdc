// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    void waitingAndRunningTimesOfEndedRuns() throws Exception {
        try (RunStore s = RunStore.open(dir)) {
            addRun(s, "live", "running");
            assertThat(s.times("live")).as("not ended").isEqualTo(new RunStore.Times(null, null));
            long t0 = System.currentTimeMillis();
            addRun(s, "done", "done");
            long t1 = System.currentTimeMillis();
            RunStore.Times done = s.times("done");
            assertThat(done.queuedMs()).isNotNull().isNotNegative();
            assertThat(done.elapsedMs()).isNotNull().isNotNegative();
            assertThat(done.queuedMs() + done.elapsedMs()).isLessThanOrEqualTo(t1 - t0);
            addRun(s, "never", "queued");
            s.finish("never", "cancelled", null, null, "cancelled by request before it started");
            assertThat(s.times("never").elapsedMs()).isZero();
            assertThat(s.times("never").queuedMs()).isNotNegative();
            assertThat(s.times("nope")).isNull();
        }
    }

    @Test
    void unknownRunsAreNull() throws IOException {
        try (RunStore s = RunStore.open(dir)) {
            assertThat(s.get("nope")).isNull();
            assertThat(s.list(5)).isEmpty();
        }
    }

    /** A real process killed with SIGKILL right after it says a run is done: the run is there after a restart, every time. */
    @Test
    void aRunIsDurableBeforeItIsReportedDone() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int trial = 0; trial < 20; trial++) {
            Process p = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), RunStoreChild.class.getName(), dir.toString(), "t" + trial)
                .redirectErrorStream(true).start();
            String line;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                do {
                    line = out.readLine();
                } while (line != null && !line.startsWith("done "));
                p.destroyForcibly();
                p.waitFor();
            }
            assertThat(line).as("the child's output").isNotNull();
            String id = line.substring(5);
            try (RunStore again = RunStore.open(dir)) {
                Map<String, Object> run = again.get(id);
                assertThat(run).as("trial %d: run %s", trial, id).isNotNull();
                assertThat(run.get("status")).isEqualTo("done");
                assertThat((Map<String, Object>) run.get("result")).containsEntry("responseScore", 0.5);
                assertThat(again.warnings()).isEmpty();
            }
        }
    }

    @Test
    void aTruncatedHistoryOpensWithAWarningNamingWhatWasLost() throws Exception {
        try (RunStore s = RunStore.open(dir)) {
            for (int i = 0; i < 103; i++) {
                addRun(s, "run-" + i, "done");
            }
        }
        Path file = dir.resolve("runs.mv.db");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 3);
        }
        try (RunStore again = RunStore.open(dir)) {
            int kept = again.list(1000).size();
            assertThat(kept).isLessThan(103);
            assertThat(again.warnings()).hasSize(kept == 0 ? 2 : 1);
            assertThat(String.join("\n", again.warnings())).contains("lost " + (103 - kept) + " runs").containsPattern("run-[0-9]+");
            assertThat(again.warnings().get(0)).contains(kept == 0 ? "was moved to" : "lost");
            addRun(again, "after", "done");
            assertThat(again.get("after").get("status")).isEqualTo("done");
        }
    }
}
