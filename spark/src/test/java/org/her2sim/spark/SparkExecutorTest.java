// SPDX-License-Identifier: Apache-2.0
package org.her2sim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.her2sim.cohort.exec.CohortExecutor;
import org.her2sim.cohort.exec.LocalExecutor;
import org.her2sim.cohort.exec.Progress;
import org.her2sim.cohort.exec.Work;
import org.her2sim.cohort.exec.WorkFailedException;
import org.her2sim.cohort.exec.WorkItem;
import org.her2sim.cohort.run.CohortRun;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.run.request.ProfileKey;
import org.her2sim.cohort.run.work.ProfileResponse;
import org.her2sim.cohort.run.work.ResponseWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spark with one and two local cores gives exactly what the local executor gives. */
class SparkExecutorTest {
    static final List<String> FILES = List.of("patients.csv", "profiles.csv", "subgroups.csv", "summary.json");

    @TempDir
    static Path dir;
    static Path cohort;

    @BeforeAll
    static void localRun() throws IOException {
        cohort = Cohorts.write(dir, "c.csv", 40);
        run(new LocalExecutor(2), dir.resolve("local"));
    }

    static CohortRun.Outcome run(CohortExecutor ex, Path out) throws IOException {
        CohortRun.Request req = new CohortRun.Request(cohort, CohortRun.Mode.THERAPY, List.of("trastuzumab"), 7, 100, 0, false, out, 1,
            "test");
        return CohortRun.run(ModelRef.bundled(), req, ex, new SparkCohortRun.CountingListener());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[1]", "local[2]"})
    void sameResultsAsLocal(String master) throws IOException {
        try (SparkSession spark = Sessions.start(master)) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            SparkExecutor ex = new SparkExecutor(jsc, 0);
            Path out = dir.resolve(master.replaceAll("\\W", ""));
            CohortRun.Outcome o = run(ex, out);
            assertThat(o.computed()).isEqualTo(o.distinct()).isGreaterThan(4);
            for (String f : FILES) {
                assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(dir.resolve("local").resolve(f)));
            }

            // the executor itself: results in input order, progress once per item
            List<WorkItem<Integer>> items = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                items.add(new WorkItem<>("k" + i, i));
            }
            Work<Integer, String> square = item -> item.key() + "=" + item.input() * item.input();
            List<Integer> told = new ArrayList<>();
            Progress<String> progress = (index, item, result) -> told.add(index);
            assertThat(new SparkExecutor(jsc, 7).run(items, square, progress)).isEqualTo(new LocalExecutor(1).run(items, square, Progress.none()));
            assertThat(told).hasSize(50).doesNotHaveDuplicates();

            // a failure: the earliest failing item's exception, checked ones wrapped
            Work<Integer, String> failing = item -> {
                if (item.input() % 10 == 3) {
                    throw new IOException("bad " + item.input());
                }
                return "ok";
            };
            assertThatThrownBy(() -> ex.run(items, failing, Progress.none())).isInstanceOf(WorkFailedException.class)
                .hasMessageContaining("'k3'").hasRootCauseMessage("bad 3");
        }
    }

    @Test
    void responsesWithRescuesEqualTheLocalOnes() throws IOException {
        List<WorkItem<ProfileKey>> items = new ArrayList<>();
        for (String m : List.of("", "pik3ca_activation", "pten_loss", "pik3ca_activation,pten_loss")) {
            ProfileKey k = new ProfileKey(m.isEmpty() ? List.of() : List.of(m.split(",")), List.of());
            items.add(new WorkItem<>(k.text(), k));
        }
        ResponseWork work = new ResponseWork(ModelRef.bundled(), List.of("trastuzumab", "pertuzumab"), 3, 40, 1, true);
        List<ProfileResponse> local = new LocalExecutor(2).run(items, work, Progress.none());
        try (SparkSession spark = Sessions.start("local[2]")) {
            SparkExecutor ex = new SparkExecutor(JavaSparkContext.fromSparkContext(spark.sparkContext()), 0);
            ResponseWork fresh = new ResponseWork(ModelRef.bundled(), List.of("trastuzumab", "pertuzumab"), 3, 40, 1, true);
            assertThat(ex.run(items, fresh, Progress.none())).isEqualTo(local);
        }
    }

    @Test
    void dosedTumourRunsEqualTheLocalOnes() throws IOException {
        Path small = Cohorts.write(dir, "d.csv", 12);
        CohortRun.Request local = new CohortRun.Request(small, CohortRun.Mode.REGIMEN, List.of("trastuzumab", "taxane"),
            List.of("trastuzumab_q3w", "docetaxel_q3w"), 5, 0, 6, false, dir.resolve("dosed-local"), 1, "test");
        CohortRun.run(ModelRef.bundled(), local, new LocalExecutor(2), new SparkCohortRun.CountingListener());
        try (SparkSession spark = Sessions.start("local[2]")) {
            SparkExecutor ex = new SparkExecutor(JavaSparkContext.fromSparkContext(spark.sparkContext()), 0);
            CohortRun.Request onSpark = new CohortRun.Request(small, CohortRun.Mode.REGIMEN, List.of("trastuzumab", "taxane"),
                List.of("trastuzumab_q3w", "docetaxel_q3w"), 5, 0, 6, false, dir.resolve("dosed-spark"), 1, "test");
            CohortRun.run(ModelRef.bundled(), onSpark, ex, new SparkCohortRun.CountingListener());
        }
        for (String f : List.of("patients.csv", "subgroups.csv", "km.csv", "summary.json")) {
            assertThat(Files.readString(dir.resolve("dosed-spark").resolve(f))).as(f)
                .isEqualTo(Files.readString(dir.resolve("dosed-local").resolve(f)));
        }
        assertThat(Files.readString(dir.resolve("dosed-spark").resolve("summary.json"))).contains("trastuzumab_q3w+docetaxel_q3w");
    }
}
