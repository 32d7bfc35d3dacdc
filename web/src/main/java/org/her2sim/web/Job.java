// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;

/** A run waiting or running: its state moves queued, running, then done, failed, cancelled or timeout. */
final class Job {
    /** What a job computes. */
    interface Work {
        /** Runs it, telling {@code progress} how far it is (a job may leave it untouched: no fraction then). */
        Outcome run(Progress progress) throws Exception;
    }

    /** A finished job's result and its one-line summary for the history. */
    record Outcome(Map<String, Object> result, String summary) { }

    private final String id;
    private final String kind;
    private final Work work;
    private final Progress progress;
    private final long submitted = System.currentTimeMillis();
    private String status = "queued";
    private long started;
    private String cancelReason;
    private Future<?> future;

    Job(String id, String kind, int parts, Work work) {
        this.id = id;
        this.kind = kind;
        this.work = work;
        this.progress = new Progress(parts);
    }

    Progress progress() {
        return progress;
    }

    String id() {
        return id;
    }

    String kind() {
        return kind;
    }

    Work work() {
        return work;
    }

    synchronized void future(Future<?> f) {
        future = f;
    }

    /** Moves a queued job to running; false when it was cancelled first. */
    synchronized boolean start() {
        if (!status.equals("queued")) {
            return false;
        }
        status = "running";
        started = System.currentTimeMillis();
        return true;
    }

    /**
     * Asks the job to stop: a queued job stops at once, a running one is interrupted.
     *
     * @param reason {@code cancelled} or {@code timeout}
     * @return the status before: queued, running, or a final status when it had ended already
     */
    synchronized String cancel(String reason) {
        String before = status;
        if (before.equals("queued")) {
            status = reason;
            if (future != null) {
                future.cancel(false);
            }
        } else if (before.equals("running") && cancelReason == null) {
            cancelReason = reason;
            if (future != null) {
                future.cancel(true);
            }
        }
        return before;
    }

    /** Why it was asked to stop, or null. */
    synchronized String cancelReason() {
        return cancelReason;
    }

    synchronized void end(String finalStatus) {
        status = finalStatus;
    }

    synchronized String status() {
        return status;
    }

    /** The live view for {@code GET /api/jobs/{id}}. */
    synchronized Map<String, Object> view() {
        long now = System.currentTimeMillis();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind);
        m.put("status", cancelReason != null && status.equals("running") ? "cancelling" : status);
        // a running job without steps to count (a tumour run) shows its elapsed time only
        m.put("progress", status.equals("queued") ? Double.valueOf(0.0) : progress.fraction());
        m.put("queuedMs", (started == 0 ? now : started) - submitted);
        m.put("elapsedMs", started == 0 ? 0 : now - started);
        return m;
    }
}
