// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.List;
import java.util.Locale;

/**
 * A patient's covariates. Values left null take the model's reference value (the typical
 * patient of the source paper).
 *
 * @param weight body weight, kg (20 to 250)
 * @param ecd serum shed HER2 extracellular domain, ng/mL (above 0, at most 10,000; the anchors' maximum is 1,880), or null
 * @param metastaticSites number of metastatic sites (0 to 20)
 * @param albumin serum albumin, g/dL (1 to 6), or null
 * @param ast aspartate aminotransferase, U/L (1 to 5,000), or null
 * @param liverMetastases liver metastases present
 * @param population early or metastatic disease (metastases need {@link Population#MBC})
 */
public record Patient(double weight, Double ecd, int metastaticSites, Double albumin, Double ast, boolean liverMetastases,
                      Population population) {
    /** The covariate names understood by {@link #covariate}. */
    public static final List<String> COVARIATES = List.of("weight", "ecd", "metastatic_sites", "albumin", "ast", "liver_metastases");

    /** Body weight when none is given, kg (every face: pk, treat, the web). */
    public static final double DEFAULT_WEIGHT = 70;

    /**
     * Metastatic sites when none are given, the same in every face: one for metastatic disease
     * (treat's tumour, the web, pk with population mbc), none for early disease (pk's default).
     */
    public static int defaultSites(Population population) {
        return population == Population.MBC ? 1 : 0;
    }

    public Patient {
        range("weight", weight, 20, 250, "kg");
        if (ecd != null && (!(ecd > 0) || ecd > 10_000)) {
            throw new PkInputException("ecd", "must be above 0 and at most 10000 ng/mL, not " + num(ecd)
                + (ecd != null && ecd == 0 ? " (undetectable: give the assay's lower limit)" : ""));
        }
        if (metastaticSites < 0 || metastaticSites > 20) {
            throw new PkInputException("metastatic_sites", "must be between 0 and 20, not " + metastaticSites);
        }
        if (albumin != null) {
            range("albumin", albumin, 1, 6, "g/dL");
        }
        if (ast != null) {
            range("ast", ast, 1, 5000, "U/L");
        }
        if (population == null) {
            population = metastaticSites > 0 || liverMetastases ? Population.MBC : Population.EBC;
        }
        if (population == Population.EBC && (metastaticSites > 0 || liverMetastases)) {
            throw new PkInputException(metastaticSites > 0 ? "metastatic_sites" : "liver_metastases",
                "early breast cancer (population ebc) has no metastases; use population mbc");
        }
    }

    /** The typical patient of a given weight: every other covariate at the model's reference, no metastases. */
    public static Patient typical(double weight, Population population) {
        return new Patient(weight, null, 0, null, null, false, population);
    }

    private static void range(String field, double v, double lo, double hi, String unit) {
        if (!(v >= lo && v <= hi)) {
            throw new PkInputException(field, "must be between " + num(lo) + " and " + num(hi) + " " + unit + ", not " + num(v));
        }
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /** A covariate's value, or null when not given (the model then uses its reference value). */
    public Double covariate(String name) {
        return switch (name) {
            case "weight" -> weight;
            case "ecd" -> ecd;
            case "metastatic_sites" -> (double) metastaticSites;
            case "albumin" -> albumin;
            case "ast" -> ast;
            case "liver_metastases" -> liverMetastases ? 1.0 : 0.0;
            default -> throw new IllegalArgumentException("unknown covariate '" + name + "'");
        };
    }
}
