// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.her2sim.engine.output.AtomicOutputs;

/** A command's text and optional SVG plot: printed, or written together (both or neither) with a "wrote" line each. */
final class Emit {
    private Emit() {
    }

    /**
     * @param output the text's file, or null to print it
     * @param plot the plot's file, or null for none
     * @param svg the plot, called only when {@code plot} is given
     */
    static void textAndPlot(PrintStream out, String text, String output, String plot, AtomicOutputs.Content svg) throws IOException {
        if (output != null || plot != null) {
            try (AtomicOutputs outs = new AtomicOutputs()) {
                if (output != null) {
                    outs.write(Path.of(output), w -> w.write(text));
                }
                if (plot != null) {
                    outs.write(Path.of(plot), svg);
                }
                outs.commit();
            }
        }
        if (output == null) {
            out.print(text);
        } else {
            out.println("wrote " + output);
        }
        if (plot != null) {
            out.println("wrote " + plot);
        }
    }
}
