// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.json.JsonTree;

/** Patients counted by a name (a mechanism, a therapy, a clone), with their share; the JSON key is the kind of name. */
public interface Counted {
    /** What is counted. */
    String name();

    /** Patients. */
    long patients();

    /** Their share of the patients counted. */
    double share();

    /** A mechanism counted. */
    record Mechanism(String mechanism, long patients, double share) implements Counted {
        @Override
        public String name() {
            return mechanism;
        }
    }

    /** A therapy counted. */
    record Therapy(String therapy, long patients, double share) implements Counted {
        @Override
        public String name() {
            return therapy;
        }
    }

    /** A clone counted. */
    record Clone(@JsonTree.Key("clone") String name, long patients, double share) implements Counted { }

    /** Made from a name, a count and a share. */
    interface Maker<T> {
        T make(String name, long patients, double share);
    }

    /** Counts, largest first (ties by name), with their share of {@code n} rounded. */
    static <T extends Counted> List<T> of(Map<String, Long> counts, long n, Maker<T> maker) {
        List<Map.Entry<String, Long>> es = new ArrayList<>(counts.entrySet());
        es.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : Long.compare(b.getValue(), a.getValue()));
        List<T> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : es) {
            out.add(maker.make(e.getKey(), e.getValue(), Csv.round((double) e.getValue() / n)));
        }
        return out;
    }

    /** The first eight, one line each, for the terminal. */
    static void top(StringBuilder sb, List<? extends Counted> list) {
        list.stream().limit(8).forEach(c -> sb.append(String.format(java.util.Locale.ROOT, "  %-34s %7s patients (%.1f%%)%n", c.name(), c.patients(),
            100 * c.share())));
    }
}
