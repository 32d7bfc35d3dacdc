// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

/**
 * RECIST 1.1 categories on the sum of diameters, taken as proportional to the cube root of the
 * number of cells: complete response when the disease falls below detection, partial response at a
 * 30% decrease from baseline, progressive disease at a 20% increase over the smallest sum so far,
 * otherwise stable disease.
 */
public final class Recist {
    /** Categories, best first. */
    public enum Category { CR, PR, SD, PD }

    private Recist() {
    }

    /** The sum of diameters relative to baseline. */
    public static double diameter(double cells, double baselineCells) {
        return Math.cbrt(Math.max(0, cells) / baselineCells);
    }

    /** The category of a scan. */
    public static Category classify(double cells, double baselineCells, double nadirDiameter, double detectionCells) {
        double d = diameter(cells, baselineCells);
        if (d >= 1.2 * nadirDiameter && cells >= detectionCells) {
            return Category.PD;
        }
        if (cells < detectionCells) {
            return Category.CR;
        }
        return d <= 0.7 ? Category.PR : Category.SD;
    }
}
