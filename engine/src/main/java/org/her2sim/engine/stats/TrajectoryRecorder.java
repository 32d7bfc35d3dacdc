// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * Records every step of every trajectory as text, for MaBoSS's {@code display_traj = 1}
 * ({@code _traj.txt}): the initial state, then one line per step with the time the step ends,
 * the full state held until then (all nodes, internal ones included) and its transition
 * entropy. Meant for small runs: it keeps all of it in memory. Trajectories are kept by index, so
 * the file is the same for any thread count. Not thread-safe; one per worker.
 */
public final class TrajectoryRecorder {
    private final TreeMap<Long, String> byTrajectory = new TreeMap<>();
    private StringBuilder current;
    private long index;

    /** A trajectory starts in {@code fullState}. */
    public void begin(long trajectory, String fullState) {
        index = trajectory;
        current = new StringBuilder();
        current.append("\nTrajectory #").append(trajectory + 1).append("\n istate\t").append(fullState).append('\n');
    }

    /** The trajectory held {@code fullState} until {@code time}, with transition entropy {@code th}. */
    public void step(double time, String fullState, double th) {
        current.append(time).append('\t').append(fullState).append('\t').append(th).append('\n');
    }

    /** The trajectory ended. */
    public void end() {
        byTrajectory.put(index, current.toString());
        current = null;
    }

    /** Adds another worker's trajectories. */
    public void merge(TrajectoryRecorder other) {
        byTrajectory.putAll(other.byTrajectory);
    }

    /** Every trajectory's text, in trajectory order. */
    public Map<Long, String> trajectories() {
        return byTrajectory;
    }
}
