// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.her2sim.engine.output.AtomicOutputs;

/** A command's text and optional plot: printed, or written together (both or neither) with a "wrote" line each. */
final class Emit {
    private Emit() {
    }

    /** Writes a plot to its file among the outputs. */
    interface Plot {
        void write(AtomicOutputs outs, Path file) throws IOException;
    }

    /** The text, printed or written to {@code output} (when not null). */
    static void text(PrintStream out, String text, String output) throws IOException {
        textAndPlot(out, text, output, null, (Plot) null);
    }

    /**
     * @param output the text's file, or null to print it
     * @param plot the plot's file, or null for none
     * @param svg the plot as SVG text, called only when {@code plot} is given
     */
    static void textAndPlot(PrintStream out, String text, String output, String plot, AtomicOutputs.Content svg) throws IOException {
        textAndPlot(out, text, output, plot, (outs, p) -> outs.write(p, svg));
    }

    /** As above, with a plot that writes itself (SVG or PNG). */
    static void textAndPlot(PrintStream out, String text, String output, String plot, Plot plotter) throws IOException {
        textAndFiles(out, text, output, plot == null ? List.of() : List.of(new Extra(plot, plotter)));
    }

    /** A further file written with the text: its name, and what writes it. */
    record Extra(String file, Plot writer) { }

    /** The text, printed or written to {@code output}, and further files, all written together (all or none), each with a "wrote" line. */
    static void textAndFiles(PrintStream out, String text, String output, List<Extra> extras) throws IOException {
        if (output != null || !extras.isEmpty()) {
            try (AtomicOutputs outs = new AtomicOutputs()) {
                if (output != null) {
                    outs.write(Path.of(output), w -> w.write(text));
                }
                for (Extra e : extras) {
                    e.writer().write(outs, Path.of(e.file()));
                }
                outs.commit();
            }
        }
        if (output == null) {
            out.print(text);
        } else {
            out.println("wrote " + output);
        }
        for (Extra e : extras) {
            out.println("wrote " + e.file());
        }
    }
}
