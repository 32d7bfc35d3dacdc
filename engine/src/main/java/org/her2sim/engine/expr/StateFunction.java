// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.expr;

/** A compiled expression: a number computed from a network state given as 64-bit words. */
@FunctionalInterface
public interface StateFunction {

    /** The value at this state; {@code state} may be null for a constant. */
    double eval(long[] state);

    /** A constant value. */
    record Const(double value) implements StateFunction {
        @Override
        public double eval(long[] state) {
            return value;
        }
    }
}
