// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.her2sim.cohort.run.CohortRun;

/**
 * A progress bar for cohort work items, in the style of {@link ProgressBar}: on standard error,
 * only when a console is attached and the run lasts more than a second.
 */
final class WorkProgressBar implements CohortRun.Listener, AutoCloseable {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private final String unit;
    private final PrintStream err;
    private final boolean active;
    private final AtomicLong done = new AtomicLong();
    private final long start = System.nanoTime();
    private volatile long total;
    private volatile boolean running = true;
    private volatile boolean shown;
    private Thread painter;

    private WorkProgressBar(String unit, PrintStream err, boolean active) {
        this.unit = unit;
        this.err = err;
        this.active = active;
    }

    /** A bar counting {@code unit}s (e.g. "profiles"); inactive when not on a terminal. */
    static WorkProgressBar start(String unit, PrintStream err) {
        return new WorkProgressBar(unit, err, System.console() != null);
    }

    @Override
    public void start(int items) {
        total = items;
        if (active && painter == null) {
            painter = new Thread(this::paintLoop, "her2sim-progress");
            painter.setDaemon(true);
            painter.start();
        }
    }

    @Override
    public void done() {
        done.incrementAndGet();
    }

    private void paintLoop() {
        while (running) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            long elapsed = System.nanoTime() - start;
            if (running && elapsed > DELAY_NANOS) {
                paint(elapsed);
            }
        }
    }

    private synchronized void paint(long elapsed) {
        long d = done.get();
        double f = total == 0 ? 1 : (double) d / total;
        int width = 30;
        int fill = (int) Math.round(f * width);
        double secs = elapsed / 1e9;
        String eta = f > 0 ? String.format("%.0fs left", secs * (1 - f) / f) : "";
        err.printf("\r[%s%s] %3.0f%% %d/%d %s %s   ", "#".repeat(fill), ".".repeat(width - fill), f * 100, d, total, unit, eta);
        err.flush();
        shown = true;
    }

    @Override
    public void close() {
        running = false;
        if (painter != null) {
            painter.interrupt();
            try {
                painter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (shown) {
            err.print("\r" + " ".repeat(79) + "\r");
            err.flush();
        }
    }
}
