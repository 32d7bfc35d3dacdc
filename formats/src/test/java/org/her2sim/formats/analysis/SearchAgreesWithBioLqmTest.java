// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.colomoto.biolqm.LogicalModel;
import org.her2sim.formats.FormatRegistry;
import org.her2sim.formats.SharedModels;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own search gives exactly bioLQM's stable states on every logical model under
 * {@code ../shared/models} and {@code ../shared/conformance/maboss} (but the two synthetic rings,
 * whose stable states number about 10^28 and 10^280, which bioLQM cannot list), and exactly its
 * minimal trap spaces where bioLQM's BDD method finishes (all but Zanudo 2017 and the rings).
 * Skipped, with a message, without {@code ../shared}.
 */
class SearchAgreesWithBioLqmTest {

    static Stream<Arguments> models() throws IOException {
        List<Path> files = SharedModels.logicalModelFiles().stream()
            .filter(p -> !p.toString().contains("synth_")).toList();
        if (files.isEmpty()) {
            System.err.println("SKIPPED: shared models not found (set -Dher2sim.shared=/path/to/shared)");
            return Stream.of(Arguments.of(Path.of("<none>")));
        }
        return files.stream().map(Arguments::of);
    }

    static LogicalModel load(Path p) throws IOException {
        Assumptions.assumeTrue(p.toFile().isFile(), "shared models not found");
        return FormatRegistry.load().read(p, null).toLogicalModel();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void sameStableStates(Path file) throws IOException {
        LogicalModel m = load(file);
        StatePatterns ours = StableStates.of(m, file.toString());
        assertThat(ours.complete()).isTrue();
        assertThat(ours.patterns()).isEqualTo(StableStates.withBioLqm(m, file.toString()).patterns());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void sameMinimalTrapSpaces(Path file) throws IOException {
        Assumptions.assumeFalse(file.toString().contains("Zanudo"), "bioLQM's BDD method does not finish on Zanudo 2017");
        LogicalModel m = load(file);
        StatePatterns ours = TrapSpaces.minimal(m, file.toString());
        assertThat(ours.patterns()).isEqualTo(TrapSpaces.withBioLqm(m, file.toString()).patterns());
    }
}
