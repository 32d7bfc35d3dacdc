// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.formats.Format;
import org.her2sim.formats.FormatRegistry;
import org.her2sim.formats.ModelDocument;
import org.her2sim.formats.ModelWriter;

/** {@code her2sim convert}: reads a model in one format and writes it in another. */
final class ConvertCommand implements Command {
    /** Built on first use: listing the formats loads them, which other commands need not pay for. */
    private static final class Lazy {
        static final Args.Spec SPEC = new Args.Spec(
            "her2sim convert IN OUT [--from FORMAT] [--to FORMAT]",
            "Convert a logical model between formats; each format is told by the file's extension unless given.",
            "Formats: " + FormatRegistry.load().all().stream()
                .map(f -> f.id() + " (." + String.join(", .", f.extensions()) + (f.reader().isPresent() ? "" : "; write only") + ")")
                .collect(Collectors.joining(", ")) + ".",
            "Writing .bnd also writes the .cfg beside it. Only Boolean models convert. Exit codes: 0 done, 2 bad input (nothing written).")
            .positional("IN", "the model to read")
            .positional("OUT", "the file to write")
            .option("--from", "FORMAT", "the input's format")
            .option("--to", "FORMAT", "the output's format");
    }

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String summary() {
        return "convert a model between bnet, bnd(+cfg), sbml (qual), booleannet, ginml, zginml";
    }

    @Override
    public Args.Spec spec() {
        return Lazy.SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        if (a.positionals().size() != 2) {
            throw new Args.UsageException("expected IN and OUT, got " + a.positionals());
        }
        Path in = Path.of(a.positionals().get(0));
        Path target = Path.of(a.positionals().get(1));
        FormatRegistry registry = FormatRegistry.load();
        Format to = registry.forFile(target, a.value("--to"));
        ModelWriter writer = to.writer().orElseThrow(() -> new ModelException(SourceLocation.of(target.toString()),
            "format " + to.id() + " can be read but not written"));
        ModelDocument doc = registry.read(in, a.value("--from"));
        try (AtomicOutputs outs = new AtomicOutputs()) {
            writer.write(doc, target, outs);
            outs.commit();
        }
        out.printf("%s -> %s (%s): %d nodes%n", in, target, to.id(), doc.network().size());
        return 0;
    }
}
