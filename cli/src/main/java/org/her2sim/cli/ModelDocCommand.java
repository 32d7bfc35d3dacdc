// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.her2.report.ModelDoc;

/** {@code her2sim model-doc}: writes docs/model.md from the model's data files. */
final class ModelDocCommand implements Command {

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim model-doc [-o FILE]",
        "Generate the model's documentation (mechanisms, therapies, genes, context, nodes and edges with their",
        "citations, and the response formula) as markdown from the data files.")
        .option("-o,--output", "FILE", "where to write it (default docs/model.md; '-' prints it)")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP);

    @Override
    public String name() {
        return "model-doc";
    }

    @Override
    public String summary() {
        return "generate docs/model.md from the HER2 model's data files";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        String text = ModelDoc.generate(Her2Input.catalog(a));
        String output = a.value("--output") == null ? "docs/model.md" : a.value("--output");
        if (output.equals("-")) {
            out.print(text);
            return 0;
        }
        try (AtomicOutputs outs = new AtomicOutputs()) {
            outs.write(Path.of(output), w -> w.write(text));
            outs.commit();
        }
        out.println("wrote " + output);
        return 0;
    }
}
