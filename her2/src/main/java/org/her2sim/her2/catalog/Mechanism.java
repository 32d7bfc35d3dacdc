// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.List;
import org.her2sim.engine.error.SourceLocation;

/**
 * A resistance (or sensitising) mechanism from {@code mechanisms.yaml}: the node fixes that
 * model it, what the review says, the directions it must produce and the therapies that counter it.
 *
 * @param subpopulation the fraction of cells it applies to, or 1 when it applies to all
 * @param sameAs the mechanism it cannot be told apart from in the network, and why; null if none
 */
public record Mechanism(String id, String name, String category, Citation citation, List<String> genes,
                        List<Fix> perturb, double subpopulation, String behaviour, List<Expectation> expect,
                        List<String> counteredBy, SameAs sameAs, SourceLocation at) {
    public Mechanism {
        genes = List.copyOf(genes);
        perturb = List.copyOf(perturb);
        expect = List.copyOf(expect);
        counteredBy = List.copyOf(counteredBy);
    }

    /** True when it applies to only a fraction of the cells. */
    public boolean isSubpopulation() {
        return subpopulation < 1;
    }
}
