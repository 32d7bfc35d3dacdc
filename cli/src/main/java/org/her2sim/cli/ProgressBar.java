// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on the terminal's standard error, shown only when a console is attached and the
 * run lasts more than a second; silent otherwise (pipes, CI, --quiet).
 */
final class ProgressBar implements AutoCloseable {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private final long total;
    private final String unit;
    private final PrintStream err;
    private final AtomicLong done = new AtomicLong();
    private final long start = System.nanoTime();
    private final Thread painter;
    private volatile boolean running = true;
    private volatile boolean shown;

    private ProgressBar(long total, String unit, PrintStream err, boolean active) {
        this.total = total;
        this.unit = unit;
        this.err = err;
        if (active) {
            painter = new Thread(this::paintLoop, "her2sim-progress");
            painter.setDaemon(true);
            painter.start();
        } else {
            painter = null;
        }
    }

    /** A bar for {@code total} trajectories; inactive when quiet or not on a terminal. */
    static ProgressBar start(boolean quiet, long total, PrintStream err) {
        return new ProgressBar(total, "trajectories", err, !quiet && System.console() != null);
    }

    /** A bar for {@code total} {@code unit}s (e.g. "profiles"); inactive when not on a terminal. */
    static ProgressBar of(String unit, long total, PrintStream err) {
        return new ProgressBar(total, unit, err, System.console() != null);
    }

    /** A bar for {@code total} {@code unit}s, drawn only when {@code active}. */
    static ProgressBar of(String unit, long total, PrintStream err, boolean active) {
        return new ProgressBar(total, unit, err, active);
    }

    /** Counts {@code n} more finished. */
    void add(long n) {
        done.addAndGet(n);
    }

    /** Records the number of finished trajectories. */
    void update(long finished) {
        done.accumulateAndGet(finished, Math::max);
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
