// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.cohort.exec.CohortExecutor;
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.run.request.ModelRef;

/**
 * A cohort run's model interval: the same run (same cohort, seed and regimen, nothing written)
 * under each parameter set of the model's ensemble ({@code network/fitted.yaml}); the least and
 * greatest response rate over the sets, overall and per subgroup, bound the part of the
 * uncertainty that comes from the fitted parameters. The sampling part is each rate's Wilson
 * interval in the run's own outputs.
 */
public final class EnsembleRun {
    private EnsembleRun() {
    }

    /** A response rate's lowest and highest value over the ensemble's members, to 4 decimals; in JSON {@code [low, high]}. */
    public record Range(double low, double high) {
        static Range of(double[] b) {
            return new Range(Math.round(b[0] * 10000) / 10000.0, Math.round(b[1] * 10000) / 10000.0);
        }

        List<Double> toList() {
            return List.of(low, high);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f-%.1f%%", 100 * low, 100 * high);
        }
    }

    /** A subgroup's ranges: patients with the feature and without it. */
    public record Subgroup(Range present, Range absent) { }

    /**
     * The intervals; {@link #NONE} when the model has no ensemble.
     *
     * @param members parameter sets run
     * @param measure the rate compared
     * @param subgroups feature to its ranges, in the run's order
     */
    public record Ensemble(int members, String measure, Range overall, Map<String, Subgroup> subgroups) {
        /** No ensemble. */
        public static final Ensemble NONE = new Ensemble(0, "", null, Map.of());

        public boolean isEmpty() {
            return members == 0;
        }

        /** {@code ensemble.json}: {@code members}, {@code measure}, {@code overall} [low, high], {@code subgroups}: feature to
         * {present: [low, high], absent: [low, high]}; {@code {}} without an ensemble. */
        public String json() {
            return JsonTree.text(isEmpty() ? new Empty() : new Json(members, measure, overall.toList(), subgroupLists()));
        }

        private Map<String, Sides> subgroupLists() {
            Map<String, Sides> out = new LinkedHashMap<>();
            subgroups.forEach((f, g) -> out.put(f, new Sides(g.present().toList(), g.absent().toList())));
            return out;
        }

        /** One line per interval, for the terminal; empty without an ensemble. */
        public String text() {
            if (isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "model interval over the parameter ensemble (%s sets), %s: overall %s%n", members, measure,
                overall));
            subgroups.forEach((f, g) -> sb.append(String.format(Locale.ROOT, "  %-20s present %s, absent %s%n", f, g.present(), g.absent())));
            return sb.toString();
        }
    }

    /** The JSON form of an ensemble (ranges as [low, high]). */
    private record Json(int members, String measure, List<Double> overall, Map<String, Sides> subgroups) { }

    /** The JSON form of a subgroup. */
    private record Sides(List<Double> present, List<Double> absent) { }

    /** No ensemble: {@code {}}. */
    private record Empty() { }

    /** Runs the cohort once per member of the model's parameter ensemble and keeps each rate's range. */
    public static Ensemble run(ModelRef model, CohortRun.Request req, CohortExecutor executor) throws IOException {
        List<Map<String, Double>> members = model.catalog().parameters().ensemble();
        if (members.isEmpty()) {
            return Ensemble.NONE;
        }
        CohortRun.Request quiet = new CohortRun.Request(req.cohort(), req.mode(), req.regimen(), req.dosing(), req.seed(), req.samples(),
            req.months(), false, null, req.engineThreads(), req.commandLine());
        Map<String, double[]> bounds = new LinkedHashMap<>();
        for (Map<String, Double> m : members) {
            CohortRun.Outcome o = CohortRun.run(model.with(model.catalog().withParameters(m)), quiet, executor, CohortRun.Listener.NONE);
            widen(bounds, "overall", o.summary().headline().rate());
            for (var g : o.summary().subgroups()) {
                widen(bounds, g.feature() + "|present", g.present().headline().rate());
                widen(bounds, g.feature() + "|absent", g.absent().headline().rate());
            }
        }
        Map<String, Subgroup> subs = new LinkedHashMap<>();
        bounds.forEach((k, v) -> {
            String[] parts = k.split("\\|");
            if (parts.length == 2 && parts[1].equals("present")) {
                subs.put(parts[0], new Subgroup(Range.of(v), Range.of(bounds.get(parts[0] + "|absent"))));
            }
        });
        return new Ensemble(members.size(), req.mode() == CohortRun.Mode.THERAPY ? "responseRate (sensitive)" : "objectiveResponse rate (CR + PR)",
            Range.of(bounds.get("overall")), subs);
    }

    private static void widen(Map<String, double[]> bounds, String key, double v) {
        double[] b = bounds.computeIfAbsent(key, k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        if (!Double.isNaN(v)) {
            b[0] = Math.min(b[0], v);
            b[1] = Math.max(b[1], v);
        }
    }
}
