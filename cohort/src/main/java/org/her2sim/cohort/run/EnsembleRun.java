// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2sim.cohort.exec.CohortExecutor;

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

    /**
     * The intervals, as a map for {@code ensemble.json}: {@code members}, {@code measure},
     * {@code overall} [low, high], and {@code subgroups}: feature to {present: [low, high], absent: [low, high]}.
     * Empty when the model has no ensemble.
     */
    public static Map<String, Object> run(ModelRef model, CohortRun.Request req, CohortExecutor executor) throws IOException {
        List<Map<String, Double>> members = model.catalog().parameters().ensemble();
        Map<String, Object> out = new LinkedHashMap<>();
        if (members.isEmpty()) {
            return out;
        }
        CohortRun.Request quiet = new CohortRun.Request(req.cohort(), req.mode(), req.regimen(), req.dosing(), req.seed(), req.samples(),
            req.months(), false, null, req.engineThreads(), req.commandLine());
        Map<String, double[]> bounds = new LinkedHashMap<>();
        for (Map<String, Double> m : members) {
            CohortRun.Outcome o = CohortRun.run(model.with(model.catalog().withParameters(m)), quiet, executor, CohortRun.Listener.NONE);
            widen(bounds, "overall", rate(o.summary(), req.mode()));
            for (Object s : (List<?>) o.summary().get("subgroups")) {
                Map<?, ?> g = (Map<?, ?>) s;
                for (String side : new String[] {"present", "absent"}) {
                    widen(bounds, g.get("feature") + "|" + side, rate((Map<?, ?>) g.get(side), req.mode()));
                }
            }
        }
        out.put("members", members.size());
        out.put("measure", req.mode() == CohortRun.Mode.THERAPY ? "responseRate (sensitive)" : "objectiveResponse rate (CR + PR)");
        out.put("overall", range(bounds.get("overall")));
        Map<String, Object> subs = new LinkedHashMap<>();
        bounds.forEach((k, v) -> {
            if (!k.equals("overall")) {
                String[] parts = k.split("\\|");
                @SuppressWarnings("unchecked")
                Map<String, Object> f = (Map<String, Object>) subs.computeIfAbsent(parts[0], x -> new LinkedHashMap<String, Object>());
                f.put(parts[1], range(v));
            }
        });
        out.put("subgroups", subs);
        return out;
    }

    /** One line per interval, for the terminal. */
    public static String text(Map<String, Object> e) {
        if (e.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "model interval over the parameter ensemble (%s sets), %s: overall %s%n", e.get("members"), e.get("measure"),
            pct(e.get("overall"))));
        ((Map<?, ?>) e.get("subgroups")).forEach((f, v) -> sb.append(String.format(Locale.ROOT, "  %-20s present %s, absent %s%n", f,
            pct(((Map<?, ?>) v).get("present")), pct(((Map<?, ?>) v).get("absent")))));
        return sb.toString();
    }

    private static String pct(Object range) {
        List<?> r = (List<?>) range;
        return String.format(Locale.ROOT, "%.1f-%.1f%%", 100 * ((Number) r.get(0)).doubleValue(), 100 * ((Number) r.get(1)).doubleValue());
    }

    private static double rate(Map<?, ?> group, CohortRun.Mode mode) {
        Map<?, ?> r = (Map<?, ?>) group.get(mode == CohortRun.Mode.THERAPY ? "responseRate" : "objectiveResponse");
        Object v = r.get("rate");
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static void widen(Map<String, double[]> bounds, String key, double v) {
        double[] b = bounds.computeIfAbsent(key, k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        if (!Double.isNaN(v)) {
            b[0] = Math.min(b[0], v);
            b[1] = Math.max(b[1], v);
        }
    }

    private static List<Double> range(double[] b) {
        List<Double> out = new ArrayList<>();
        out.add(Math.round(b[0] * 10000) / 10000.0);
        out.add(Math.round(b[1] * 10000) / 10000.0);
        return out;
    }
}
