// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;

/** {@code her2sim demo}: every bundled profile under one regimen, as a table, JSON and an HTML report. */
public final class Demo {
    /** The regimen of the demo. */
    public static final List<String> THERAPIES = List.of("trastuzumab");

    private Demo() {
    }

    /** Predicts every profile under {@code profiles/}, in name order. */
    public static List<Prediction> run(Catalog catalog, List<String> therapies, long seed, Predictor.Options options) throws IOException {
        return run(catalog, profiles(catalog), therapies, seed, options, (i, name) -> { });
    }

    /** Every profile under {@code profiles/}, in name order. */
    public static List<Profile> profiles(Catalog catalog) throws IOException {
        List<Profile> out = new ArrayList<>();
        for (String name : catalog.profileNames()) {
            out.add(ProfileReader.find(name, catalog));
        }
        return out;
    }

    /**
     * Predicts each profile in turn.
     *
     * @param starting told the index and name of each profile as its prediction starts (for progress lines)
     */
    public static List<Prediction> run(Catalog catalog, List<Profile> profiles, List<String> therapies, long seed, Predictor.Options options,
                                       BiConsumer<Integer, String> starting) {
        Predictor predictor = new Predictor(catalog);
        List<Prediction> out = new ArrayList<>();
        for (Profile p : profiles) {
            starting.accept(out.size(), p.name());
            out.add(predictor.predict(p, therapies, seed, options));
        }
        return out;
    }

    /** The summary table. */
    public static String table(List<Prediction> ps) {
        int wp = "profile".length();
        int wm = "top mechanism".length();
        for (Prediction p : ps) {
            wp = Math.max(wp, p.profile().length());
            wm = Math.max(wm, HtmlReport.topMechanism(p).length());
        }
        String head = "%-" + wp + "s %6s  %-10s %-" + wm + "s %s%n";
        String row = "%-" + wp + "s %6.3f  %-10s %-" + wm + "s %s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, head, "profile", "score", "class", "top mechanism", "best rescue"));
        for (Prediction p : ps) {
            sb.append(String.format(Locale.ROOT, row, p.profile(), p.responseScore(), p.responseClass(),
                HtmlReport.topMechanism(p), HtmlReport.bestRescue(p)));
        }
        return sb.toString();
    }

    /** {@code demo.json}: the regimen, the seed and every prediction. */
    public static String json(List<Prediction> ps, List<String> therapies, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("therapies", therapies);
        m.put("seed", seed);
        m.put("predictions", ps.stream().map(Prediction::toMap).toList());
        return JsonText.write(m);
    }
}
