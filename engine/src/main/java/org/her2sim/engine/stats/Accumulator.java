// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

/**
 * A sink the simulation kernel feeds, one trajectory after another. Output states arrive as ids
 * of the worker's {@link StateTable}. Each worker thread fills its own accumulators; they are
 * merged once at the end. Every accumulator sums exact integers (times are counted in units of
 * {@code time_tick / 2^31}), so the merged result does not depend on how trajectories were split
 * between threads or in which order parts were merged.
 */
public interface Accumulator {

    /** A trajectory starts. {@code trajectory} is its global index (0-based). */
    void begin(long trajectory);

    /**
     * The trajectory stayed in output state {@code stateId} during {@code [t0, t1)}.
     *
     * @param hd Hamming distance of the full state to the reference state
     * @param th transition entropy of the state (bits), 0 at a fixed point
     */
    void segment(double t0, double t1, int stateId, int hd, double th);

    /** The trajectory reached a state with no possible transition (full state, all nodes). */
    default void fixedPoint(long[] fullState) {
    }

    /** The trajectory ends in output state {@code stateId}. */
    void end(int stateId);
}
