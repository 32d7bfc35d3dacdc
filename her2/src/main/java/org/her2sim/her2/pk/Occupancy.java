// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fraction of a tumour's HER2 receptors bound by an anti-HER2 antibody, from its serum
 * concentration, at binding equilibrium:
 * <ol>
 * <li>total antibody, nM: {@code A = C[ug/mL] x 1000 / MW[kDa]} (trastuzumab, 148 kDa: 1 ug/mL = 6.76 nM);
 * <li>shed ECD, nM: {@code E = ECD[ng/mL] / MW_ECD[kDa]} with the shed fragment taken as
 *     {@value #ECD_KDA} kDa (p105; an assumption, not from the anchors);
 * <li>antibody bound to shed ECD in serum, one ECD per antibody (bivalence ignored), the
 *     smaller root of {@code x^2 - (A + E + KD) x + A E = 0}; free antibody {@code F = A - x};
 * <li>receptors bound among those with an accessible epitope: {@code F / (F + KD)};
 * <li>occupancy of all HER2: {@code (1 - p95) (1 - masked) F / (F + KD)}, where {@code p95} is the
 *     fraction of receptors that are truncated p95HER2 (no epitope) and {@code masked} the
 *     fraction of full-length receptors whose epitope is hidden (MUC4, CD44/hyaluronan).
 * </ol>
 * KD is about 0.1 nM for trastuzumab (anchors; models use 0.04-0.31 nM). The serum concentration
 * stands in for the tumour's; tissue penetration is not modelled.
 */
public final class Occupancy {
    /** Assumed molecular weight of shed HER2 ECD (p105), kDa. */
    public static final double ECD_KDA = 105;

    private Occupancy() {
    }

    /**
     * Which receptors can be bound.
     *
     * @param p95 fraction of receptors that are p95HER2 (no epitope), 0 to 1
     * @param masked fraction of full-length receptors whose epitope is masked, 0 to 1
     */
    public record Epitopes(double p95, double masked) {
        /** Every epitope accessible. */
        public static final Epitopes ALL = new Epitopes(0, 0);

        public Epitopes {
            if (!(p95 >= 0 && p95 <= 1)) {
                throw new PkInputException("p95", "must be a fraction between 0 and 1, not " + p95);
            }
            if (!(masked >= 0 && masked <= 1)) {
                throw new PkInputException("masked", "must be a fraction between 0 and 1, not " + masked);
            }
        }

        /** Fraction of all receptors with an accessible epitope. */
        public double available() {
            return (1 - p95) * (1 - masked);
        }
    }

    /**
     * One evaluation.
     *
     * @param totalNm total antibody, nM
     * @param ecdNm shed ECD, nM
     * @param freeNm antibody not bound to shed ECD, nM
     * @param ecdBoundFraction fraction of the antibody bound to shed ECD
     * @param boundAccessible fraction of accessible epitopes bound
     * @param occupancy fraction of all HER2 receptors bound
     */
    public record Result(double totalNm, double ecdNm, double freeNm, double ecdBoundFraction, double boundAccessible, double occupancy) {
        /** As a map for JSON. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total_nM", totalNm);
            m.put("ecd_nM", ecdNm);
            m.put("free_nM", freeNm);
            m.put("ecd_bound_fraction", ecdBoundFraction);
            m.put("bound_accessible", boundAccessible);
            m.put("occupancy", occupancy);
            return m;
        }
    }

    /** ug/mL to nM for a molecular weight in kDa. */
    public static double nanomolar(double ugPerMl, double kda) {
        return ugPerMl * 1000 / kda;
    }

    /** Antibody left free of shed ECD, nM (1:1 equilibrium, exact quadratic root). */
    public static double freeAntibody(double antibodyNm, double ecdNm, double kdNm) {
        if (antibodyNm <= 0 || ecdNm <= 0) {
            return Math.max(0, antibodyNm);
        }
        double b = antibodyNm + ecdNm + kdNm;
        double disc = Math.max(0, b * b - 4 * antibodyNm * ecdNm);
        // the smaller root, in the cancellation-free form 2c / (b + sqrt(disc))
        double complex = 2 * antibodyNm * ecdNm / (b + Math.sqrt(disc));
        return antibodyNm - complex;
    }

    /** Fraction of accessible epitopes bound at free antibody F: F / (F + KD). */
    public static double bound(double freeNm, double kdNm) {
        return freeNm <= 0 ? 0 : freeNm / (freeNm + kdNm);
    }

    /**
     * Occupancy from a serum concentration.
     *
     * @param ugPerMl total antibody in serum, ug/mL
     * @param kda antibody molecular weight, kDa
     * @param kdNm affinity, nM
     * @param ecdNgPerMl shed ECD in serum, ng/mL (0 for none)
     */
    public static Result of(double ugPerMl, double kda, double kdNm, double ecdNgPerMl, Epitopes e) {
        if (!(kdNm > 0) || !(kda > 0)) {
            throw new IllegalArgumentException("KD and molecular weight must be > 0");
        }
        double total = nanomolar(Math.max(0, ugPerMl), kda);
        double ecd = Math.max(0, ecdNgPerMl) / ECD_KDA;
        double free = freeAntibody(total, ecd, kdNm);
        double b = bound(free, kdNm);
        return new Result(total, ecd, free, total > 0 ? (total - free) / total : 0, b, e.available() * b);
    }

    /** Occupancy for a drug of the catalog. @throws IllegalArgumentException if its affinity or weight is not known */
    public static Result of(Drug d, double ugPerMl, double ecdNgPerMl, Epitopes e) {
        if (d.kdNm() == null || d.molecularWeightKda() == null) {
            throw new IllegalArgumentException(d.id() + ": no affinity (KD) in drugs.yaml, so no occupancy");
        }
        return of(ugPerMl, d.molecularWeightKda(), d.kdNm(), ecdNgPerMl, e);
    }
}
