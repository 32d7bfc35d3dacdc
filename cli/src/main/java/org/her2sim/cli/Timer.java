// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;

/**
 * Prints phase durations to standard error when the environment variable HER2SIM_TIMING is set (for benchmarks).
 * The maboss commands' phases: {@link #PARSE}, then the engine's (compile, simulate, window statistics, write outputs).
 */
final class Timer {
    /** Reading the model and its configuration. */
    static final String PARSE = "parse";
    private final PrintStream err;
    private final boolean on = System.getenv("HER2SIM_TIMING") != null;
    private long last = System.nanoTime();

    Timer(PrintStream err) {
        this.err = err;
    }

    void lap(String phase) {
        long now = System.nanoTime();
        if (on) {
            err.printf("timing: %-20s %8.3f s%n", phase, (now - last) / 1e9);
        }
        last = now;
    }
}
