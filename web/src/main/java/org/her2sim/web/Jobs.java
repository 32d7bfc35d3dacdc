// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs on a bounded pool: {@code maxJobs} at once, {@code maxQueue} waiting, more refused
 * with 429. A job running longer than {@code maxRunSeconds} is cancelled. Every job is a row of
 * the run history from the moment it is accepted; the live map holds only unfinished jobs.
 */
final class Jobs implements AutoCloseable {
    private final WebConfig config;
    private final RunStore store;
    private final String modelHash;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;
    private final Map<String, Job> live = new ConcurrentHashMap<>();
    private volatile boolean closing;

    Jobs(WebConfig config, RunStore store, String modelHash) {
        this.config = config;
        this.store = store;
        this.modelHash = modelHash;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(config.maxJobs(), config.maxJobs(), 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(config.maxQueue()), r -> daemon(r, "her2sim-job-" + n.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "her2sim-job-timer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Accepts a job, records it and queues it.
     *
     * @throws ApiException 429 when the queue is full
     */
    synchronized Job submit(String kind, String profile, List<String> therapies, long seed, Map<String, Object> inputs, Job.Work work) {
        return submit(kind, profile, therapies, seed, inputs, 1, work);
    }

    /** As above, for a job of {@code parts} parts run one after another (see {@link Progress}). */
    synchronized Job submit(String kind, String profile, List<String> therapies, long seed, Map<String, Object> inputs, int parts,
                            Job.Work work) {
        if (pool.getQueue().remainingCapacity() == 0) {
            throw new ApiException(429, null, "too many jobs: " + config.maxJobs() + " running and " + config.maxQueue()
                + " waiting; try again later");
        }
        Job job = new Job(UUID.randomUUID().toString(), kind, parts, work);
        store.insert(job.id(), kind, profile, therapies, seed, modelHash, inputs);
        live.put(job.id(), job);
        FutureTask<Void> task = new FutureTask<>(() -> run(job), null);
        job.future(task);
        pool.execute(task);
        return job;
    }

    private void run(Job job) {
        if (!job.start()) {
            return;
        }
        store.started(job.id());
        ScheduledFuture<?> limit = timer.schedule(() -> job.cancel("timeout"), config.maxRunSeconds(), TimeUnit.SECONDS);
        try {
            Job.Outcome o = job.work().run(job.progress());
            limit.cancel(false);
            Thread.interrupted();
            if (job.cancelReason() != null) {
                stopped(job);
            } else {
                store.finish(job.id(), "done", o.result(), o.summary(), null);
                job.end("done");
            }
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            limit.cancel(false);
            Thread.interrupted();
            if (job.cancelReason() != null) {
                stopped(job);
            } else if (closing) {
                store.finish(job.id(), "interrupted", null, null, "the server stopped before the run finished");
                job.end("interrupted");
            } else {
                String msg = e instanceof OutOfMemoryError ? "out of memory: ask for fewer samples"
                    : e instanceof StackOverflowError ? "expressions nested too deeply to process" : String.valueOf(e.getMessage());
                store.finish(job.id(), "failed", null, null, msg);
                job.end("failed");
            }
        } finally {
            live.remove(job.id());
            Thread.interrupted();
        }
    }

    private void stopped(Job job) {
        String reason = job.cancelReason();
        String msg = reason.equals("timeout") ? "cancelled after the server's limit of " + config.maxRunSeconds() + " s"
            : "cancelled by request";
        store.finish(job.id(), reason, null, null, msg);
        job.end(reason);
    }

    /** A live (queued or running) job, or null. */
    Job get(String id) {
        return live.get(id);
    }

    /**
     * Cancels a job.
     *
     * @return the status before, or null when the job is not live
     */
    String cancel(String id) {
        Job job = live.get(id);
        if (job == null) {
            return null;
        }
        String before = job.cancel("cancelled");
        if (before.equals("queued")) {
            pool.purge();
            store.finish(job.id(), "cancelled", null, null, "cancelled by request before it started");
            live.remove(id);
        }
        return before;
    }

    /** Jobs queued or running now. */
    int active() {
        return live.size();
    }

    @Override
    public void close() {
        closing = true;
        pool.shutdownNow();
        timer.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
