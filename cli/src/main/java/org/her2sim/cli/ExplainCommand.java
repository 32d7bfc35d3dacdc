// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.util.Optional;
import org.her2sim.her2.catalog.Bibliography;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.report.Explain;

/** {@code her2sim explain}: the evidence behind a node, a mechanism or a therapy. */
final class ExplainCommand implements Command {

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim explain NODE|MECHANISM|THERAPY...",
        "Print the evidence behind a node of the HER2 model (its name, compartment, description, citations, logic and",
        "its edges with theirs), a mechanism (every field) or a therapy (every field and the mechanisms it counters),",
        "then each cited reference with its DOI and PubMed links (from bibliography.yaml), or why it has none.")
        .positional("NODE|MECHANISM|THERAPY", "a node name, a mechanism id, or a therapy id, name or alias")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP);

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String summary() {
        return "show the evidence behind a node, mechanism or therapy of the HER2 model";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        if (a.positionals().isEmpty()) {
            throw new Args.UsageException("missing NODE, MECHANISM or THERAPY");
        }
        Catalog catalog = Her2Input.catalog(a);
        Optional<Bibliography> bibliography = Bibliography.find(catalog.root());
        StringBuilder sb = new StringBuilder();
        for (String word : a.positionals()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(Explain.of(catalog, bibliography, word));
        }
        out.print(sb);
        return 0;
    }
}
