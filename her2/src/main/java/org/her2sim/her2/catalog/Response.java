// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.List;

/**
 * {@code response.yaml}: which nodes are phenotypes and readouts, the treatment schedule, the
 * read-out window and the response score's ingredients.
 *
 * @param phenotypes phenotype nodes
 * @param readouts other nodes reported
 * @param treatmentStart time at which therapy drug nodes are switched on
 * @param maxTime end of a run (overrides the cfg)
 * @param readoutWindow phenotype probabilities are time averages over {@code [maxTime - readoutWindow, maxTime]}
 * @param sampleCount trajectories per simulation
 * @param growth the growth phenotype
 * @param death the death phenotypes
 * @param sensitive score threshold of the class {@code sensitive}
 * @param partial score threshold of the class {@code partial}
 */
public record Response(List<String> phenotypes, List<String> readouts, double treatmentStart, double maxTime,
                       double readoutWindow, long sampleCount, String growth, List<String> death,
                       double sensitive, double partial) {
    public Response {
        phenotypes = List.copyOf(phenotypes);
        readouts = List.copyOf(readouts);
        death = List.copyOf(death);
    }

    /** Phenotypes then readouts (without repeats): the output nodes of every simulation. */
    public List<String> outputs() {
        java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>(phenotypes);
        s.addAll(readouts);
        return List.copyOf(s);
    }
}
