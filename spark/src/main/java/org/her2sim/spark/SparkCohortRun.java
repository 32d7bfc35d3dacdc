// SPDX-License-Identifier: Apache-2.0
package org.her2sim.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.her2sim.cohort.run.CohortRun;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.pk.RegimenWords;

/**
 * {@code her2sim cohort run} on Apache Spark: the same options and outputs (through
 * {@link CohortRun} with a {@link SparkExecutor}), plus {@code patients.parquet}. For
 * {@code spark-submit} or {@code java -cp}. Exit codes: 0 done, 2 bad input, 1 failure.
 */
public final class SparkCohortRun {
    private static final int MAX_REGIMEN = 5;

    private SparkCohortRun() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, null, out, err);
    }

    /** Runs a command line on {@code spark}, or on a session of its own (stopped at the end) when null. */
    static int run(String[] args, SparkSession spark, PrintStream out, PrintStream err) {
        try {
            RunArgs a = RunArgs.parse(args);
            if (a.has("--help")) {
                out.print(RunArgs.USAGE);
                return 0;
            }
            Setup s = setup(a);
            int slices = (int) a.number("--slices", 0, true);
            if (spark != null) {
                return run(spark, s, slices, out);
            }
            try (SparkSession own = Sessions.start(a.value("--master"))) {
                return run(own, s, slices, out);
            }
        } catch (IllegalArgumentException e) {
            err.println("her2sim-spark: " + e.getMessage());
            err.print(RunArgs.USAGE);
            return 2;
        } catch (ModelException e) {
            err.println("her2sim-spark: error: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("her2sim-spark: error: " + e.getFile() + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("her2sim-spark: error: " + e);
            return 2;
        } catch (RuntimeException e) {
            err.println("her2sim-spark: internal error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** A checked request and its model. */
    record Setup(ModelRef model, CohortRun.Request request) { }

    /** Checks the options as {@code her2sim cohort run} does; nothing runs yet. */
    static Setup setup(RunArgs a) throws IOException {
        String cohort = a.value("--cohort");
        if (cohort == null) {
            throw new IllegalArgumentException("a cohort file is required (--cohort FILE)");
        }
        List<String> therapies = a.list("--therapy");
        List<String> regimen = a.list("--regimen");
        if (therapies.isEmpty() == regimen.isEmpty()) {
            throw new IllegalArgumentException("give either --therapy or --regimen (at least one therapy)");
        }
        boolean tumour = !regimen.isEmpty();
        if (tumour && (a.has("--samples") || a.has("--rescues"))) {
            throw new IllegalArgumentException("--samples and --rescues go with --therapy");
        }
        if (!tumour && a.has("--months")) {
            throw new IllegalArgumentException("--months goes with --regimen");
        }
        if (regimen.size() > MAX_REGIMEN) {
            throw new IllegalArgumentException("at most " + MAX_REGIMEN + " therapies in a --regimen, not " + regimen.size());
        }
        long samples = a.number("--samples", 0, false);
        long months = a.number("--months", 24, false);
        if (months > 120) {
            throw new IllegalArgumentException("option '--months' must be at most 120, not " + months);
        }
        int threads = (int) a.number("--threads", 2, false);
        String dir = a.value("--catalog");
        Catalog catalog = dir == null ? Catalog.load() : Catalog.load(Path.of(dir));
        ModelRef model = (dir == null ? ModelRef.bundled() : ModelRef.directory(Path.of(dir))).with(catalog);
        RegimenWords words = RegimenWords.resolve(catalog, tumour ? model.pk() : null, tumour ? regimen : therapies,
            tumour ? "--regimen" : "--therapy");
        String seed = a.value("--seed");
        long seedValue;
        try {
            seedValue = seed == null ? catalog.config().seed() : Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '--seed': '" + seed + "' is not a whole number");
        }
        String output = a.value("--output");
        CohortRun.Request req = new CohortRun.Request(Path.of(cohort), tumour ? CohortRun.Mode.REGIMEN : CohortRun.Mode.THERAPY,
            words.therapies(), words.dosing(), seedValue, samples, months, a.has("--rescues"), output == null ? null : Path.of(output), tumour ? threads : 1, a.text());
        return new Setup(model, req);
    }

    private static int run(SparkSession spark, Setup s, int slices, PrintStream out) throws IOException {
        SparkExecutor executor = new SparkExecutor(JavaSparkContext.fromSparkContext(spark.sparkContext()), slices);
        CohortRun.Request req = s.request();
        long t0 = System.nanoTime();
        CohortRun.Outcome o = CohortRun.run(s.model(), req, executor, new CountingListener());
        double secs = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "%s of %s: %s; seed %d%n", req.mode() == CohortRun.Mode.REGIMEN ? "regimen" : "therapy", req.cohort(),
            String.join(" + ", req.regimen()), req.seed());
        out.print(o.text());
        out.printf(Locale.ROOT, "%n%d distinct profiles: %d computed, %d read back; %.1f s on %s%n", o.distinct(), o.computed(), o.reused(),
            secs, executor.name());
        for (Path p : o.files()) {
            out.println("wrote " + p);
        }
        if (req.output() != null) {
            out.println("wrote " + PatientsParquet.write(spark, req.output()));
        }
        return 0;
    }

    /** Counts finished profiles; silent. */
    static final class CountingListener implements CohortRun.Listener {
        private int total;
        private int done;

        @Override
        public void start(int total) {
            this.total = total;
        }

        @Override
        public void done() {
            done++;
        }

        int total() {
            return total;
        }

        int finished() {
            return done;
        }
    }
}
