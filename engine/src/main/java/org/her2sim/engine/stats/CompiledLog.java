// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

/** Base-2 logarithm used by the entropy columns. */
final class CompiledLog {
    private static final double INV_LN2 = 1.0 / Math.log(2.0);

    private CompiledLog() {
    }

    static double log2(double x) {
        return Math.log(x) * INV_LN2;
    }
}
