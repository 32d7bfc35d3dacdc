// SPDX-License-Identifier: Apache-2.0
package org.her2sim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.her2sim.cohort.run.report.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark main class: the tables of {@code cohort run} plus patients.parquet, which reads back with the same rows. */
class SparkCohortRunTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) { }

    static Result run(SparkSession spark, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkCohortRun.run(args, spark, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesParquetThatReadsBack() throws IOException {
        Path cohort = Cohorts.write(dir, "c.csv", 40);
        Path out = dir.resolve("out");
        try (SparkSession spark = Sessions.start("local[2]")) {
            Result r = run(spark, "--cohort", cohort.toString(), "--therapy", "trastuzumab", "--samples", "100", "--seed", "7", "-o",
                out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("wrote " + out.resolve("patients.parquet"), "on spark (local[2])");
            CsvTable csv = CsvTable.read(out.resolve("patients.csv"));
            assertThat(csv.rows()).hasSize(40);
            assertThat(csv.meta()).containsEntry("seed", "7").containsKey("model_sha256").containsKey("command");
            String meta = Files.readString(out.resolve("patients.parquet/_run.json"));
            assertThat(meta).contains("\"seed\": \"7\"", "\"rows\": 40", csv.meta().get("model_sha256"));

            Dataset<Row> df = spark.read().parquet(out.resolve("patients.parquet").toString());
            assertThat(df.columns()).containsExactlyElementsOf(csv.header());
            assertThat(df.schema().apply("response_score").dataType().typeName()).isEqualTo("double");
            List<List<String>> back = new ArrayList<>();
            for (Row row : df.collectAsList()) {
                List<String> fields = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    fields.add(v == null ? "" : v instanceof Double d ? Csv.num(d) : v.toString());
                }
                back.add(fields);
            }
            assertThat(back).isEqualTo(csv.rows());

            // written again over the same directory: replaced, no temporary directory left
            PatientsParquet.write(spark, out);
            assertThat(spark.read().parquet(out.resolve("patients.parquet").toString()).count()).isEqualTo(40);
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-") || n.contains(".old-"));
            }
        }
    }

    static Result run(String... args) {
        return run(null, args);
    }

    @Test
    void badInputIsExitCodeTwo() throws IOException {
        Path cohort = Cohorts.write(dir, "c.csv", 8);
        Result r = run("--cohort", cohort.toString(), "--therapy", "trastuzumabb");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown therapy 'trastuzumabb'");
        assertThat(run("--cohort", cohort.toString()).err()).contains("give either --therapy or --regimen");
        assertThat(run("--bogus").code()).isEqualTo(2);
        assertThat(run("--help").out()).contains("--master URL");
    }
}
