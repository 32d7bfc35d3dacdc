// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.engine.sim.CompiledModel;
import org.her2sim.engine.sim.Marginals;
import org.her2sim.engine.sim.Simulator;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Fix;

/**
 * Runs many scenarios of one catalog with one seed, trajectory count and thread count (a
 * prediction's subsets, parameter sets and add-ons; a cohort's patients; a screen): each distinct
 * clone model is compiled once and each of its trajectories simulated once, however often the
 * scenario is asked for. Trajectories run in blocks of {@value #BLOCK}, so an estimate can use
 * the first blocks only and grow ({@link Sequential}); trajectory {@code i} is the same whatever
 * the block, so the full result equals {@link Simulation#run} up to rounding (below 1e-12).
 * Results do not depend on the thread count. Thread-safe (one scenario at a time).
 */
public final class Batch {
    /** Trajectories per block. */
    public static final int BLOCK = 50;

    private final Catalog catalog;
    private final long seed;
    private final long samples;
    private final int threads;
    private final Map<Key, CloneRuns> runs = new HashMap<>();
    private long simulated;

    private record Key(List<String> mechanisms, List<Fix> fixes, List<String> therapies) { }

    private static final class CloneRuns {
        final CompiledModel model;
        final List<Marginals> blocks = new ArrayList<>();

        CloneRuns(CompiledModel model) {
            this.model = model;
        }
    }

    /**
     * @param samples trajectories per clone in a full run
     * @param threads engine threads
     */
    public Batch(Catalog catalog, long seed, long samples, int threads) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, not " + samples);
        }
        this.catalog = catalog;
        this.seed = seed;
        this.samples = samples;
        this.threads = Math.max(1, threads);
    }

    public Catalog catalog() {
        return catalog;
    }

    public long seed() {
        return seed;
    }

    /** Trajectories per clone in a full run. */
    public long samples() {
        return samples;
    }

    public int threads() {
        return threads;
    }

    /** Blocks in a full run. */
    public int blocks() {
        return (int) ((samples + BLOCK - 1) / BLOCK);
    }

    /** Trajectories simulated so far, over all clones (each once). */
    public synchronized long simulated() {
        return simulated;
    }

    /** The scenario with all its trajectories (every clone, mixed). */
    public PhenotypeResult run(Scenario s) {
        return run(s, blocks());
    }

    /** The scenario from its first {@code b} blocks only. */
    public synchronized PhenotypeResult run(Scenario s, int b) {
        return mixed(s, b, -1);
    }

    /** The scenario from block {@code i} alone. */
    public synchronized PhenotypeResult block(Scenario s, int i) {
        return mixed(s, i + 1, i);
    }

    /** One clone (its mechanisms exactly, no mixing) with all its trajectories. */
    public synchronized PhenotypeResult runClone(Scenario s, List<String> cloneMechanisms) {
        return Simulation.read(Marginals.pool(blocks(s, cloneMechanisms, blocks())), catalog.response());
    }

    private PhenotypeResult mixed(Scenario s, int b, int only) {
        List<PhenotypeResult> parts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Scenario.Clone c : s.clones(catalog)) {
            List<Marginals> bs = blocks(s, c.mechanisms(), b);
            parts.add(Simulation.read(only >= 0 ? bs.get(only) : Marginals.pool(bs.subList(0, b)), catalog.response()));
            weights.add(c.weight());
        }
        return PhenotypeResult.mix(parts, weights);
    }

    /** The clone's first {@code b} blocks, simulating those not run yet. */
    private List<Marginals> blocks(Scenario s, List<String> cloneMechanisms, int b) {
        if (b < 1 || b > blocks()) {
            throw new IllegalArgumentException("blocks must be 1 to " + blocks() + ", not " + b);
        }
        Key key = new Key(List.copyOf(cloneMechanisms), s.contextFixes(), s.therapies());
        CloneRuns r = runs.computeIfAbsent(key, k -> new CloneRuns(s.compile(catalog, cloneMechanisms, seed, samples)));
        int have = r.blocks.size();
        if (have < b) {
            long from = (long) have * BLOCK;
            long to = Math.min(samples, (long) b * BLOCK);
            r.blocks.addAll(Simulator.runMarginalBlocks(r.model, threads, from, to, BLOCK));
            simulated += to - from;
        }
        return r.blocks;
    }
}
