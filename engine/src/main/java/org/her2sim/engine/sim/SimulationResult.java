// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.her2sim.engine.stats.FinalStateAccumulator;
import org.her2sim.engine.stats.FixedPointAccumulator;
import org.her2sim.engine.stats.ObservedGraphAccumulator;
import org.her2sim.engine.stats.ProbTraj;
import org.her2sim.engine.stats.ProbTrajAccumulator;
import org.her2sim.engine.stats.StatDist;
import org.her2sim.engine.stats.StatDistAccumulator;
import org.her2sim.engine.stats.StateLabels;
import org.her2sim.engine.stats.StateTable;
import org.her2sim.engine.stats.TrajectoryRecorder;
import org.her2sim.engine.stats.UnorderedMapOrder;

/**
 * What a run produced: probability trajectories, fixed points, final states and stationary
 * distribution estimates, with the run's counts and timing. States are named by their active
 * output nodes in node order ({@code A -- B}), {@code <nil>} when none is active.
 */
public final class SimulationResult {
    private final CompiledModel model;
    private final StateTable states;
    private final ProbTrajAccumulator probTraj;
    private final FixedPointAccumulator fixedPoints;
    private final FinalStateAccumulator finalStates;
    private final StatDistAccumulator statDist;
    private final TrajectoryRecorder recorder;
    private final ObservedGraphAccumulator observed;
    private final long samples;
    private final long transitions;
    private final StateLabels labels;
    private final double seconds;
    private final int threads;
    private ProbTraj probTrajResult;

    SimulationResult(CompiledModel model, StateTable states, ProbTrajAccumulator probTraj, FixedPointAccumulator fixedPoints,
                     FinalStateAccumulator finalStates, StatDistAccumulator statDist, TrajectoryRecorder recorder,
                     ObservedGraphAccumulator observed, long samples, long transitions, double seconds, int threads) {
        this.model = model;
        this.states = states;
        this.probTraj = probTraj;
        this.fixedPoints = fixedPoints;
        this.finalStates = finalStates;
        this.statDist = statDist;
        this.recorder = recorder;
        this.observed = observed;
        this.samples = samples;
        this.transitions = transitions;
        List<String> outputNames = new ArrayList<>();
        for (int i : model.outNodes) {
            outputNames.add(model.network.node(i).name());
        }
        this.labels = new StateLabels(outputNames);
        this.seconds = seconds;
        this.threads = threads;
    }

    /** A fixed point: how often it was reached (per trajectory), its label and every node's value. */
    public record FixedPoint(double proba, String state, int[] values) { }

    /** A final state with its probability and standard error. */
    public record FinalState(String state, double proba, double error) { }

    /** The model that ran. */
    public CompiledModel model() {
        return model;
    }

    /** The label of an output-state id. */
    public String label(int id) {
        return labels.label(states, id);
    }

    /** Probability trajectories; null for a {@code --final} run. */
    public synchronized ProbTraj probTraj() {
        if (probTraj == null) {
            return null;
        }
        if (probTrajResult == null) {
            probTrajResult = probTraj.result(labels);
        }
        return probTrajResult;
    }

    /**
     * Fixed points in MaBoSS's order: as a one-thread MaBoSS run lists them, the order of a
     * libstdc++ {@code std::unordered_map} keyed by the state, into which each was inserted when
     * first reached (see {@link UnorderedMapOrder}); keys are hashed as by the MaBoSS build for
     * {@code width} nodes (64, 128 or 1024). Past {@link UnorderedMapOrder#maxKeys()} fixed points,
     * in the order first reached.
     */
    public List<FixedPoint> fixedPoints(int width) {
        Integer[] found = fixedPoints.discoveryOrder();
        List<long[]> keys = new ArrayList<>();
        for (int id : found) {
            keys.add(fixedPoints.state(id));
        }
        int[] order;
        if (found.length <= UnorderedMapOrder.maxKeys()) {
            order = UnorderedMapOrder.order(keys, width);
        } else {
            order = java.util.stream.IntStream.range(0, found.length).toArray();
        }
        List<FixedPoint> out = new ArrayList<>();
        for (int k : order) {
            int id = found[k];
            long[] s = fixedPoints.state(id);
            int[] values = new int[model.n];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < model.n; i++) {
                values[i] = (int) ((s[i >>> 6] >>> i) & 1L);
                if (values[i] == 1) {
                    if (sb.length() > 0) {
                        sb.append(" -- ");
                    }
                    sb.append(model.network.node(i).name());
                }
            }
            out.add(new FixedPoint(fixedPoints.count(id) / (double) samples, sb.length() == 0 ? "<nil>" : sb.toString(), values));
        }
        return out;
    }

    /** Fixed points in the order of the smallest MaBoSS build that holds the model ({@link #hashWidth}). */
    public List<FixedPoint> fixedPoints() {
        return fixedPoints(hashWidth(model.n));
    }

    /** The node capacity of the smallest MaBoSS build (64, 128 or 1024 nodes) that holds {@code nodes}; beyond, a multiple of 64. */
    public static int hashWidth(int nodes) {
        return nodes <= 64 ? 64 : nodes <= 128 ? 128 : nodes <= 1024 ? 1024 : (nodes + 63) / 64 * 64;
    }

    /** The observed graph ({@code in_graph} nodes); null when no node is in the graph or for a {@code --final} run. */
    public ObservedGraphAccumulator observedGraph() {
        return observed;
    }

    /** Number of trajectories this result covers. */
    public long samples() {
        return samples;
    }

    /** Probability of each final output state, by label. */
    public List<FinalState> finalStates() {
        List<FinalState> out = new ArrayList<>();
        long n = finalStates.trajectories();
        for (int id = 0; id < states.size(); id++) {
            long c = finalStates.count(id);
            if (c > 0) {
                double p = c / (double) n;
                double err = n > 1 ? Math.sqrt(p * (1 - p) / (n - 1)) : 0;
                out.add(new FinalState(label(id), p, err));
            }
        }
        out.sort(Comparator.comparing(FinalState::state));
        return out;
    }

    /** Stationary-distribution estimates and clusters; null when {@code statdist_traj_count} is 0. */
    public StatDist statDist() {
        return statDist == null ? null : StatDist.of(statDist, this::label, model.config.statdistClusterThreshold());
    }

    /** Every trajectory's steps as text ({@code display_traj = 1}), in trajectory order; null otherwise. */
    public java.util.Collection<String> trajectories() {
        return recorder == null ? null : recorder.trajectories().values();
    }

    /** Total node flips over all trajectories. */
    public long transitions() {
        return transitions;
    }

    /** Wall-clock seconds of the simulation proper. */
    public double seconds() {
        return seconds;
    }

    /** Threads used. */
    public int threads() {
        return threads;
    }
}
