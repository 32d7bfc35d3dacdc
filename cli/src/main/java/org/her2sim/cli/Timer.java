// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Prints phase durations to standard error when the environment variable HER2SIM_TIMING is set (for
 * benchmarks): wall time, and the CPU time of the calling thread, which other jobs on a shared
 * machine disturb less. The maboss commands' phases: {@link #PARSE}, then the engine's (compile,
 * simulate, window statistics, write outputs).
 */
final class Timer {
    /** Reading the model and its configuration. */
    static final String PARSE = "parse";
    private final PrintStream err;
    private final ThreadMXBean threads;
    private long last = System.nanoTime();
    private long lastCpu;

    Timer(PrintStream err) {
        this.err = err;
        this.threads = System.getenv("HER2SIM_TIMING") == null ? null : ManagementFactory.getThreadMXBean();
        this.lastCpu = cpu();
    }

    private long cpu() {
        return threads == null || !threads.isCurrentThreadCpuTimeSupported() ? 0 : threads.getCurrentThreadCpuTime();
    }

    void lap(String phase) {
        long now = System.nanoTime();
        if (threads != null) {
            long c = cpu();
            err.printf("timing: %-20s %8.3f s  (cpu %.3f s)%n", phase, (now - last) / 1e9, (c - lastCpu) / 1e9);
            lastCpu = c;
        }
        last = now;
    }
}
