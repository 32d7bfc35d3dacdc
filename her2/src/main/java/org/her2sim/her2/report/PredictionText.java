// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.report;

import java.util.List;
import java.util.Locale;
import org.her2sim.her2.predict.Prediction;

/** The plain-text table {@code her2sim predict} prints. */
public final class PredictionText {
    private PredictionText() {
    }

    /** The table, with the rescues whose gain exceeds its standard error and a count of the rest. */
    public static String of(Prediction p) {
        return of(p, false);
    }

    /**
     * The table.
     *
     * @param allRescues list every rescue tried, not only those whose gain exceeds its standard error
     */
    public static String of(Prediction p, boolean allRescues) {
        StringBuilder sb = new StringBuilder();
        f(sb, "profile:    %s%n", p.profile());
        f(sb, "therapies:  %s%n", String.join(" + ", p.therapies()));
        f(sb, "response:   %.3f (%s), 95%% interval %.3f-%.3f (%s)%n", p.responseScore(), p.responseClass(), p.interval().lower(),
            p.interval().upper(), p.interval().describe());
        f(sb, "seed %d, %d trajectories per simulation%n%n", p.seed(), p.samples());
        int w = 14;
        for (Prediction.Phenotype ph : p.phenotypes()) {
            w = Math.max(w, ph.name().length());
        }
        f(sb, "%-" + (w + 2) + "s %-18s %s%n", "", "untreated", "treated");
        String kind = "";
        for (Prediction.Phenotype ph : p.phenotypes()) {
            if (!ph.kind().equals(kind)) {
                kind = ph.kind();
                f(sb, "%s%n", kind.equals("phenotype") ? "phenotypes" : "readouts");
            }
            f(sb, "  %-" + w + "s %.3f ± %.3f      %.3f ± %.3f%n", ph.name(), ph.untreated().p(), ph.untreated().se(),
                ph.treated().p(), ph.treated().se());
        }
        sb.append('\n');
        if (p.activeMechanisms().isEmpty()) {
            sb.append("active mechanisms: none\n");
        } else {
            f(sb, "%-44s %12s %7s  %s%n", "active mechanisms", "contribution", "se", "effect");
            for (Prediction.MechanismEffect m : p.activeMechanisms()) {
                f(sb, "  %-42s %+12.3f %7.3f  %s%n", cut(m.id() + "  " + m.name(), 42), m.contribution(), m.se(), m.effect());
            }
            f(sb, "%s%n", p.attribution().sentence());
        }
        if (!p.rescues().isEmpty()) {
            List<Prediction.Rescue> shown = allRescues ? p.rescues() : p.measurableRescues();
            f(sb, "%n%-44s %-11s %6s %7s %6s  %s%n", "rescues (add-on, best first)", "evidence", "score", "gain", "se", "counters");
            shown.forEach(r -> f(sb, "  %-42s %-11s %6.3f %+7.3f %6.3f  %s%n", cut(r.id() + "  " + r.name(), 42), r.evidence(), r.responseScore(),
                r.gain(), r.se(), r.counters().isEmpty() ? "-" : String.join(", ", r.counters())));
            int rest = p.rescues().size() - shown.size();
            if (rest > 0) {
                f(sb, "  %s (--all-rescues lists them)%n", HtmlReport.moreRescues(rest));
            }
        }
        return sb.toString();
    }

    private static void f(StringBuilder sb, String fmt, Object... args) {
        sb.append(String.format(Locale.ROOT, fmt, args));
    }

    static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
