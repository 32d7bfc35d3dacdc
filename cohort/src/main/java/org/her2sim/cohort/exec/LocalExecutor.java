// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.exec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs items on local threads: workers take the next item in input order until none is left. With
 * one thread the items run on the calling thread. The default executor.
 */
public final class LocalExecutor implements CohortExecutor {
    private final int threads;

    /** @param threads worker threads, at least 1 */
    public LocalExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return "local (" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    @Override
    public <I extends Serializable, R extends Serializable> List<R> run(List<WorkItem<I>> items, Work<I, R> work,
                                                                         Progress<? super R> progress) {
        int n = items.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Object lock = new Object();
        Runnable worker = () -> {
            int i;
            while (!failed.get() && (i = next.getAndIncrement()) < n) {
                WorkItem<I> item = items.get(i);
                try {
                    R r = work.apply(item);
                    if (r == null) {
                        throw new IllegalStateException("work item '" + item.key() + "' gave no result");
                    }
                    results[i] = r;
                    synchronized (lock) {
                        progress.done(i, item, r);
                    }
                } catch (Throwable e) {
                    failures[i] = e;
                    failed.set(true);
                }
            }
        };
        if (threads == 1 || n <= 1) {
            worker.run();
        } else {
            List<Thread> pool = new ArrayList<>();
            for (int t = 0; t < Math.min(threads, n); t++) {
                Thread th = new Thread(worker, "her2sim-cohort-" + t);
                th.setDaemon(true);
                pool.add(th);
                th.start();
            }
            join(pool, failed);
        }
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                throw rethrow(items.get(i).key(), failures[i]);
            }
        }
        List<R> out = new ArrayList<>(n);
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R x = (R) r;
            out.add(x);
        }
        return List.copyOf(out);
    }

    private static void join(List<Thread> pool, AtomicBoolean failed) {
        try {
            for (Thread th : pool) {
                th.join();
            }
        } catch (InterruptedException e) {
            failed.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static RuntimeException rethrow(String key, Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new WorkFailedException(key, e);
    }
}
