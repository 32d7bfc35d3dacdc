// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.List;
import org.her2sim.engine.error.SourceLocation;

/**
 * A direction a mechanism must produce: with it active, {@code phenotype} goes {@code direction}
 * compared with the baseline profile under the same therapies ({@code under}; empty means
 * untreated). Mechanisms listed in {@code with} are active on both sides of the comparison.
 *
 * @param phenotype a phenotype or readout node
 * @param under therapy ids
 * @param with mechanism ids active in both the baseline and the test
 * @param direction up or down
 * @param at where it was written
 */
public record Expectation(String phenotype, List<String> under, List<String> with, Direction direction, SourceLocation at) {
    public Expectation {
        under = List.copyOf(under);
        with = List.copyOf(with);
    }

    /** Which way a probability moves. */
    public enum Direction {
        UP, DOWN;

        /** As written in the files. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return phenotype + " " + direction.word() + (under.isEmpty() ? " (untreated)" : " under " + String.join(" + ", under))
            + (with.isEmpty() ? "" : " with " + String.join(" + ", with));
    }
}
