// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.List;
import java.util.Map;

/**
 * A stored run as CSV. A prediction becomes long rows {@code section,name,field,value}
 * (run, phenotype, mechanism, rescue); a tumour run becomes its burden table
 * {@code day,cells,<clone>...}.
 */
final class Csv {
    private Csv() {
    }

    static String of(Map<String, Object> run) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) run.get("result");
        if (result == null) {
            throw new ApiException(409, "id", "run " + run.get("id") + " has no result (status " + run.get("status") + ")");
        }
        return switch (String.valueOf(run.get("kind"))) {
            case "treat" -> burden(result);
            case "cohort" -> cohort(run, result);
            case "screen" -> ranking(result);
            default -> prediction(run, result);
        };
    }

    /** Long rows: the rates, each subgroup, the non-response mechanisms, the Kaplan-Meier steps. */
    private static String cohort(Map<String, Object> run, Map<String, Object> r) {
        StringBuilder sb = new StringBuilder("section,name,field,value\n");
        row(sb, "run", "", "id", run.get("id"));
        row(sb, "run", "", "modelHash", run.get("modelHash"));
        map(r.get("cohort")).forEach((k, v) -> row(sb, "cohort", "", k, v instanceof List<?> l ? String.join("+", l.stream().map(String::valueOf)
            .toList()) : v));
        Map<String, Object> resp = map(r.get("response"));
        if (resp != null) {
            rate(sb, "response", "all", "responseRate", map(resp.get("responseRate")));
            rate(sb, "response", "all", "anyResponseRate", map(resp.get("anyResponseRate")));
            for (Map<String, Object> s : maps(resp.get("subgroups"))) {
                for (String g : List.of("present", "absent")) {
                    Map<String, Object> x = map(s.get(g));
                    String name = s.get("feature") + "=" + (g.equals("present") ? 1 : 0);
                    rate(sb, "response", name, "responseRate", map(x.get("responseRate")));
                    rate(sb, "response", name, "anyResponseRate", map(x.get("anyResponseRate")));
                }
            }
            for (Map<String, Object> m : maps(map(resp.get("nonResponse")).get("topMechanisms"))) {
                row(sb, "nonResponse", m.get("mechanism"), "patients", m.get("patients"));
            }
        }
        Map<String, Object> tum = map(r.get("tumour"));
        if (tum != null) {
            rate(sb, "tumour", "all", "objectiveResponse", map(tum.get("objectiveResponse")));
            map(tum.get("timeToProgression")).forEach((k, v) -> row(sb, "tumour", "all", k, v instanceof List<?> l
                ? String.join("-", l.stream().map(String::valueOf).toList()) : v));
            for (Map<String, Object> s : maps(tum.get("km"))) {
                row(sb, "km", "all", "day " + s.get("day"), s.get("survival"));
            }
        }
        return sb.toString();
    }

    private static void rate(StringBuilder sb, String section, String name, String field, Map<String, Object> m) {
        row(sb, section, name, field, m.get("rate"));
        List<?> ci = (List<?>) m.get("ci95");
        row(sb, section, name, field + "Lo", ci.get(0));
        row(sb, section, name, field + "Hi", ci.get(1));
        row(sb, section, name, field + "Patients", m.get("patients"));
    }

    /** The screen's ranking: one row per combination. */
    private static String ranking(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder("rank,combination,size,mean_score,score_se,mean_bliss_excess,bliss_se,mean_hsa_excess,hsa_se,"
            + "synergistic_share,antagonistic_share\n");
        for (Map<String, Object> x : maps(r.get("ranking"))) {
            List<?> c = (List<?>) x.get("combination");
            sb.append(x.get("rank")).append(',').append(quote(String.join("+", c.stream().map(String::valueOf).toList()))).append(',')
                .append(c.size());
            for (String k : List.of("meanScore", "scoreSe", "meanBlissExcess", "blissSe", "meanHsaExcess", "hsaSe", "synergisticShare",
                "antagonisticShare")) {
                sb.append(',').append(x.get(k) == null ? "" : String.valueOf(x.get(k)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static String prediction(Map<String, Object> run, Map<String, Object> r) {
        StringBuilder sb = new StringBuilder("section,name,field,value\n");
        row(sb, "run", "", "id", run.get("id"));
        row(sb, "run", "", "modelHash", run.get("modelHash"));
        for (String k : List.of("profile", "therapies", "seed", "samples", "responseScore", "responseClass")) {
            Object v = r.get(k);
            row(sb, "run", "", k, v instanceof List<?> l ? String.join("+", l.stream().map(String::valueOf).toList()) : v);
        }
        for (Map<String, Object> p : maps(r.get("phenotypes"))) {
            for (String k : List.of("untreated", "untreatedSE", "treated", "treatedSE")) {
                row(sb, String.valueOf(p.get("kind")), p.get("name"), k, p.get(k));
            }
        }
        for (Map<String, Object> m : maps(r.get("activeMechanisms"))) {
            row(sb, "mechanism", m.get("id"), "contribution", m.get("contribution"));
            row(sb, "mechanism", m.get("id"), "contributionSE", m.get("contributionSE"));
            row(sb, "mechanism", m.get("id"), "effect", m.get("effect"));
        }
        if (r.get("attribution") instanceof Map<?, ?> a) {
            for (String k : List.of("method", "mechanisms", "permutations", "coalitions", "totalEffect", "scoreWithNone", "scoreWithAll")) {
                if (a.containsKey(k)) {
                    row(sb, "attribution", "", k, a.get(k));
                }
            }
        }
        for (Map<String, Object> x : maps(r.get("rescues"))) {
            row(sb, "rescue", x.get("id"), "responseScore", x.get("responseScore"));
            row(sb, "rescue", x.get("id"), "gain", x.get("gain"));
        }
        return sb.toString();
    }

    private static String burden(Map<String, Object> r) {
        List<?> days = (List<?>) r.get("days");
        List<?> cells = (List<?>) r.get("cells");
        @SuppressWarnings("unchecked")
        Map<String, List<?>> clones = (Map<String, List<?>>) r.get("clones");
        StringBuilder sb = new StringBuilder("day,cells");
        clones.keySet().forEach(k -> sb.append(',').append(quote(k)));
        sb.append('\n');
        for (int i = 0; i < days.size(); i++) {
            sb.append(days.get(i)).append(',').append(cells.get(i));
            for (List<?> c : clones.values()) {
                sb.append(',').append(c.get(i));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static void row(StringBuilder sb, String section, Object name, String field, Object value) {
        sb.append(quote(section)).append(',').append(quote(String.valueOf(name))).append(',').append(quote(field)).append(',')
            .append(quote(value == null ? "" : String.valueOf(value))).append('\n');
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
