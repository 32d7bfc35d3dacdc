// SPDX-License-Identifier: Apache-2.0
package org.her2sim.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@link SparkCohortRun}: the options of {@code her2sim cohort run}, plus
 * {@code --master URL} and {@code --slices N}. {@code --opt value} or {@code --opt=value};
 * {@code --therapy} and {@code --regimen} are repeatable and comma-separated.
 */
final class RunArgs {
    static final String USAGE = """
        usage: SparkCohortRun --cohort FILE (--therapy NAME... | --regimen NAME...) [-o DIR] [options]
          --cohort FILE      the cohort file ('her2sim cohort sample')
          --therapy NAME     cell-model response to this regimen (repeatable or comma-separated)
          --regimen NAME     tumour dynamics under this regimen, continuous exposure (at most 5)
          --seed N           seed of every simulation (default: the model's seed_pseudorandom)
          --samples N        trajectories per cell-model simulation (--therapy)
          --months N         follow-up with --regimen (default 24)
          --rescues          with --therapy: best add-on for non-responding profiles
          -o, --output DIR   write the tables, summary.json and patients.parquet to DIR
          -t, --threads N    engine threads per tumour simulation (--regimen; default 2)
          --catalog DIR      a HER2 model directory instead of the bundled one
          --master URL       Spark master (default: spark-submit's, else local[*])
          --slices N         partitions per Spark job (default: 4 per core)
        """;
    private static final Set<String> FLAGS = Set.of("--rescues", "--help");
    private static final Set<String> VALUES = Set.of("--cohort", "--therapy", "--regimen", "--seed", "--samples", "--months", "--output",
        "--threads", "--catalog", "--master", "--slices");

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final String text;

    private RunArgs(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException for an unknown option or a missing value */
    static RunArgs parse(String... args) {
        RunArgs a = new RunArgs("her2sim-spark cohort run " + String.join(" ", args));
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            String value = null;
            int eq = key.indexOf('=');
            if (key.startsWith("--") && eq > 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            key = key.equals("-o") ? "--output" : key.equals("-t") ? "--threads" : key;
            if (FLAGS.contains(key)) {
                a.values.computeIfAbsent(key, k -> new ArrayList<>());
                continue;
            }
            if (!VALUES.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option '" + key + "' needs a value");
                }
                value = args[++i];
            }
            a.values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return a;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The last value, or null. */
    String value(String key) {
        List<String> v = values.get(key);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** Every value, comma-separated ones split. */
    List<String> list(String key) {
        List<String> out = new ArrayList<>();
        for (String v : values.getOrDefault(key, List.of())) {
            for (String w : v.split(",")) {
                if (!w.isBlank()) {
                    out.add(w.strip());
                }
            }
        }
        return out;
    }

    /** A whole number of at least 1 (0 too when {@code zero}), or the fallback. */
    long number(String key, long fallback, boolean zero) {
        String v = value(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= (zero ? 0 : 1)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option '" + key + "': '" + v + "' is not a whole number of at least " + (zero ? 0 : 1));
    }

    /** The command line, for the run metadata. */
    String text() {
        return text;
    }
}
