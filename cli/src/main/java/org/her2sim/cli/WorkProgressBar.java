// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import org.her2sim.cohort.run.CohortRun;

/** A {@link ProgressBar} counting cohort work items (profiles) as a run reports them. */
final class WorkProgressBar implements CohortRun.Listener, AutoCloseable {
    private final String unit;
    private final PrintStream err;
    private ProgressBar bar;

    private WorkProgressBar(String unit, PrintStream err) {
        this.unit = unit;
        this.err = err;
    }

    /** A bar counting {@code unit}s (e.g. "profiles"); inactive when not on a terminal. */
    static WorkProgressBar start(String unit, PrintStream err) {
        return new WorkProgressBar(unit, err);
    }

    @Override
    public synchronized void start(int items) {
        if (bar != null) {
            bar.close();
        }
        bar = ProgressBar.of(unit, items, err);
    }

    @Override
    public synchronized void done() {
        if (bar != null) {
            bar.add(1);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
