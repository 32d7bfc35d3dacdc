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
        long n = model.sampleCount();
        int threads = (int) Math.max(1, Math.min(options.threads(), n));
        long block = Math.max(1, Math.min(2048, n / (threads * 8L)));
        AtomicLong nextBlock = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Worker(model, options.finalOnly()));
        }
        Runnable[] tasks = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            Worker w = workers.get(t);
            tasks[t] = () -> {
                while (true) {
                    long from = nextBlock.getAndIncrement() * block;
                    if (from >= n) {
                        return;
                    }
                    long to = Math.min(n, from + block);
                    w.kernel.run(from, to);
                    long d = done.addAndGet(to - from);
                    if (options.progress() != null) {
                        options.progress().accept(d);
                    }
                }
            };
        }
        if (threads == 1) {
            tasks[0].run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
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
        double seconds = (System.nanoTime() - start) / 1e9;
        Worker first = workers.get(0);
        long transitions = first.kernel.transitions();
        for (int t = 1; t < threads; t++) {
            Worker w = workers.get(t);
            if (first.probTraj != null) {
                first.probTraj.merge(w.probTraj);
            }
            first.fixedPoints.merge(w.fixedPoints);
            first.finalStates.merge(w.finalStates);
            if (first.statDist != null) {
                first.statDist.merge(w.statDist);
            }
            if (first.recorder != null) {
                first.recorder.merge(w.recorder);
            }
            transitions += w.kernel.transitions();
        }
        return new SimulationResult(model, first.states, first.probTraj, first.fixedPoints, first.finalStates,
            first.statDist, first.recorder, transitions, seconds, threads);
    }

    /** One thread's kernel and accumulators. */
    private static final class Worker {
        final StateTable states;
        final ProbTrajAccumulator probTraj;
        final FixedPointAccumulator fixedPoints;
        final FinalStateAccumulator finalStates;
        final StatDistAccumulator statDist;
        final TrajectoryRecorder recorder;
        final Kernel kernel;

        Worker(CompiledModel m, boolean finalOnly) {
            states = new StateTable(m.outWords);
            probTraj = finalOnly ? null : new ProbTrajAccumulator(m.timeTick, m.windows, m.refCount, states);
            fixedPoints = new FixedPointAccumulator(m.words);
            finalStates = new FinalStateAccumulator(states);
            int sd = m.config.statdistTrajCount();
            statDist = !finalOnly && sd > 0 ? new StatDistAccumulator(states, sd) : null;
            recorder = !finalOnly && m.config.displayTraj() ? new TrajectoryRecorder() : null;
            kernel = new Kernel(m, states, probTraj, statDist, fixedPoints, finalStates, recorder);
        }
    }
}
