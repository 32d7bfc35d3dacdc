// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.stats.FinalStateAccumulator;
import org.her2sim.engine.stats.FixedPointAccumulator;
import org.her2sim.engine.stats.MarginalAccumulator;
import org.her2sim.engine.stats.ObservedGraphAccumulator;
import org.her2sim.engine.stats.ProbTrajAccumulator;
import org.her2sim.engine.stats.StatDistAccumulator;
import org.her2sim.engine.stats.StateTable;
import org.her2sim.engine.stats.TrajectoryRecorder;

/**
 * Runs all trajectories of a compiled model on worker threads and merges their statistics.
 * Trajectory {@code i} always draws from the stream of (seed, i), and every statistic is an
 * exact integer sum, so results are identical for any thread count. Thread-safe (no state).
 */
public final class Simulator {

    /**
     * How to run.
     *
     * @param threads worker threads (at least 1)
     * @param finalOnly only final-state probabilities (MaBoSS's {@code --final}), no windows
     * @param progress told the number of finished trajectories now and then; may be null
     */
    public record Options(int threads, boolean finalOnly, LongConsumer progress) {
        /** Options from the configuration's {@code thread_count}. */
        public static Options of(CompiledModel model) {
            return new Options(Math.max(1, model.config().threadCount()), false, null);
        }
    }

    private Simulator() {
    }

    /**
     * Simulates {@code sample_count} trajectories.
     *
     * @throws ModelException when a rate evaluates to a negative, infinite or NaN value during the run
     */
    public static SimulationResult run(CompiledModel model, Options options) {
        return runRange(model, options, 0, model.sampleCount(), 0, false).result(model.sampleCount());
    }

    /**
     * Simulates {@code sample_count} trajectories and keeps only each output node's probability
     * per window, much cheaper than {@link #run} when that is all a caller reads. Same
     * trajectories (same random numbers) as {@link #run}; the same for any thread count.
     *
     * @param threads worker threads (at least 1)
     * @throws ModelException when a rate evaluates to a negative, infinite or NaN value during the run
     */
    public static Marginals runMarginals(CompiledModel model, int threads) {
        Run r = runRange(model, new Options(threads, false, null), 0, model.sampleCount(), 0, true);
        return marginals(model, r.first.marginals, r.transitions);
    }

    /**
     * Like {@link #runMarginals}, for trajectories {@code from} to {@code to - 1} cut into blocks of
     * {@code blockSize} (the last may be shorter), each block's marginals kept apart: for estimates
     * that grow block by block and stop when precise enough, with errors from the spread between
     * blocks. Trajectory {@code i} is the same as in a whole run; each block is run by one
     * thread, so results do not depend on the thread count.
     */
    public static List<Marginals> runMarginalBlocks(CompiledModel model, int threads, long from, long to, int blockSize) {
        int blocks = (int) Math.max(0, (to - from + blockSize - 1) / blockSize);
        MarginalAccumulator[] out = new MarginalAccumulator[blocks];
        long[] transitions = new long[blocks];
        AtomicLong next = new AtomicLong();
        Runnable[] tasks = new Runnable[Math.max(1, Math.min(threads, blocks))];
        for (int t = 0; t < tasks.length; t++) {
            tasks[t] = () -> {
                Worker w = new Worker(model, false, true);
                long before = 0;
                for (int b = (int) next.getAndIncrement(); b < blocks; b = (int) next.getAndIncrement()) {
                    MarginalAccumulator a = new MarginalAccumulator(model.timeTick, model.windows, model.maxTime, model.outNodes.length);
                    w.kernel.marginals(a);
                    long lo = from + (long) b * blockSize;
                    w.kernel.run(lo, Math.min(to, lo + blockSize));
                    out[b] = a;
                    transitions[b] = w.kernel.transitions() - before;
                    before = w.kernel.transitions();
                }
            };
        }
        execute(tasks);
        List<Marginals> result = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            result.add(marginals(model, out[b], transitions[b]));
        }
        return result;
    }

    private static Marginals marginals(CompiledModel model, MarginalAccumulator a, long transitions) {
        String[] names = new String[model.outNodes.length];
        for (int k = 0; k < names.length; k++) {
            names[k] = model.network.node(model.outNodes[k]).name();
        }
        return new Marginals(List.of(names), model.timeTick, model.windows, a.trajectories(), a.probabilities(), transitions);
    }

    /** An ensemble's results: all trajectories together (labelled by the first model), and each model's own. */
    public record EnsembleResult(SimulationResult merged, List<SimulationResult> models) { }

    /**
     * Simulates an ensemble, as MaBoSS's {@code --ensemble}: model {@code k} runs {@code counts[k]}
     * trajectories, numbered on from the previous model's, so trajectory {@code i} draws from the
     * stream of (seed of the first model, i) whichever model it belongs to. The models must have
     * the same nodes in the same order and the same output nodes (checked by the caller).
     */
    public static EnsembleResult runEnsemble(List<CompiledModel> models, long[] counts, Options options) {
        List<SimulationResult> each = new ArrayList<>();
        Worker all = new Worker(models.get(0), options.finalOnly(), false);
        long from = 0;
        double seconds = 0;
        long transitions = 0;
        for (int k = 0; k < models.size(); k++) {
            Run r = runRange(models.get(k), options, from, from + counts[k], from, false);
            each.add(r.result(counts[k]));
            all.merge(r.first);
            seconds += r.seconds;
            transitions += r.transitions;
            from += counts[k];
        }
        return new EnsembleResult(new Run(all, transitions, seconds, Math.max(1, options.threads())).result(from), each);
    }

    /** The merged worker of a run over a range of trajectories. */
    private record Run(Worker first, long transitions, double seconds, int threads) {
        SimulationResult result(long samples) {
            return new SimulationResult(first.model, first.states, first.probTraj, first.fixedPoints, first.finalStates,
                first.statDist, first.recorder, first.observed, samples, transitions, seconds, threads);
        }
    }

    private static Run runRange(CompiledModel model, Options options, long from, long to, long progressBase, boolean marginals) {
        long n = to - from;
        int threads = (int) Math.max(1, Math.min(options.threads(), Math.max(1, n)));
        long block = Math.max(1, Math.min(2048, n / (threads * 8L)));
        AtomicLong nextBlock = new AtomicLong();
        AtomicLong done = new AtomicLong(progressBase);
        long start = System.nanoTime();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Worker(model, options.finalOnly(), marginals));
        }
        Runnable[] tasks = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            Worker w = workers.get(t);
            tasks[t] = () -> {
                while (true) {
                    long lo = from + nextBlock.getAndIncrement() * block;
                    if (lo >= to) {
                        return;
                    }
                    long hi = Math.min(to, lo + block);
                    w.kernel.run(lo, hi);
                    long d = done.addAndGet(hi - lo);
                    if (options.progress() != null) {
                        options.progress().accept(d);
                    }
                }
            };
        }
        execute(tasks);
        double seconds = (System.nanoTime() - start) / 1e9;
        Worker first = workers.get(0);
        long transitions = first.kernel.transitions();
        for (int t = 1; t < threads; t++) {
            first.merge(workers.get(t));
            transitions += workers.get(t).kernel.transitions();
        }
        return new Run(first, transitions, seconds, threads);
    }

    private static void execute(Runnable[] tasks) {
        if (tasks.length == 1) {
            tasks[0].run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length, r -> {
            Thread th = new Thread(r, "her2sim-worker");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Runnable r : tasks) {
                fs.add(pool.submit(r));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread's kernel and accumulators. */
    private static final class Worker {
        final CompiledModel model;
        final StateTable states;
        final ProbTrajAccumulator probTraj;
        final FixedPointAccumulator fixedPoints;
        final FinalStateAccumulator finalStates;
        final StatDistAccumulator statDist;
        final TrajectoryRecorder recorder;
        final ObservedGraphAccumulator observed;
        final MarginalAccumulator marginals;
        final Kernel kernel;

        Worker(CompiledModel m, boolean finalOnly, boolean marginalsOnly) {
            model = m;
            fixedPoints = new FixedPointAccumulator(m.words);
            if (marginalsOnly) {
                states = null;
                probTraj = null;
                finalStates = null;
                statDist = null;
                recorder = null;
                observed = null;
                marginals = new MarginalAccumulator(m.timeTick, m.windows, m.maxTime, m.outNodes.length);
                kernel = new Kernel(m, null, null, null, fixedPoints, null, null, null, marginals);
                return;
            }
            marginals = null;
            states = new StateTable(m.outWords);
            probTraj = finalOnly ? null : new ProbTrajAccumulator(m.timeTick, m.windows, m.refCount, states);
            finalStates = new FinalStateAccumulator(states);
            int sd = m.config.statdistTrajCount();
            statDist = !finalOnly && sd > 0 ? new StatDistAccumulator(states, sd) : null;
            recorder = !finalOnly && m.config.displayTraj() ? new TrajectoryRecorder() : null;
            int[] graph = m.graphNodes();
            observed = finalOnly || graph.length == 0 ? null : new ObservedGraphAccumulator(graph, m.timeTick);
            kernel = new Kernel(m, states, probTraj, statDist, fixedPoints, finalStates, recorder, observed, null);
        }

        /** Adds another worker's statistics (of the same model, or of a model with the same nodes). */
        void merge(Worker w) {
            if (marginals != null) {
                marginals.merge(w.marginals);
                return;
            }
            if (probTraj != null) {
                probTraj.merge(w.probTraj);
            }
            fixedPoints.merge(w.fixedPoints);
            finalStates.merge(w.finalStates);
            if (statDist != null) {
                statDist.merge(w.statDist);
            }
            if (recorder != null) {
                recorder.merge(w.recorder);
            }
            if (observed != null && w.observed != null) {
                observed.merge(w.observed);
            }
        }
    }
}
