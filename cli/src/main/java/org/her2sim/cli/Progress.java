// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;

/**
 * Progress of a long command on standard error: a short line per stage and counters
 * ({@link ProgressBar}). Shown only on a terminal and without {@code -q}; standard output is never
 * touched, so piped and scripted runs see exactly what they saw before.
 */
final class Progress {
    /** Whether standard error is a terminal; replaced only by tests. */
    static BooleanSupplier terminal = () -> System.console() != null;

    private final String command;
    private final PrintStream err;
    private final boolean on;

    Progress(String command, PrintStream err, boolean on) {
        this.command = command;
        this.err = err;
        this.on = on;
    }

    /** Progress of {@code command}, shown when on a terminal and not {@code quiet}. */
    static Progress of(String command, boolean quiet, PrintStream err) {
        return new Progress(command, err, !quiet && terminal.getAsBoolean());
    }

    /** Progress of a command with a {@code -q,--quiet} flag. */
    static Progress of(Command command, Args a, PrintStream err) {
        return of(command.name(), a.has("--quiet"), err);
    }

    boolean on() {
        return on;
    }

    /** {@code her2sim demo: [2/9] jimt1_like}. */
    void stage(String text) {
        if (on) {
            err.println("her2sim " + command + ": " + text);
            err.flush();
        }
    }

    /** A counter of {@code total} {@code unit}s, drawn only when progress is shown. */
    ProgressBar bar(String unit, long total) {
        return ProgressBar.of(unit, total, err, on);
    }
}
