// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;

/** A subcommand of {@code her2sim}: it parses nothing itself and calls the services of the other modules. */
interface Command {
    /** The subcommand's name, as typed. */
    String name();

    /** One line for the list of commands. */
    String summary();

    /** Its options and parameters. */
    Args.Spec spec();

    /**
     * Runs it.
     *
     * @return the exit code: 0 done, 2 bad input
     */
    int run(Args args, PrintStream out, PrintStream err) throws Exception;
}
