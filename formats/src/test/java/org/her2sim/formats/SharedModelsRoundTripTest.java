// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.formats.analysis.StableStates;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every logical model under {@code ../shared/models} and {@code ../shared/conformance/maboss}, in
 * every encoding given there, converts to every format that reads and writes and back with the
 * same logical function for every node (truth tables over its regulators) and the same number of
 * stable states. The ODE model (Faratian 2009, SBML core) is refused with an error naming it.
 */
class SharedModelsRoundTripTest {

    @TempDir
    Path dir;

    static Path shared() {
        return SharedModels.root();
    }

    static List<Path> modelFiles() throws IOException {
        return SharedModels.logicalModelFiles();
    }

    static Stream<Arguments> cases() throws IOException {
        List<Path> models = modelFiles();
        if (models.isEmpty()) {
            System.err.println("SKIPPED: shared models not found (set -Dher2sim.shared=/path/to/shared)");
            return Stream.of(Arguments.of(Path.of("<none>"), "none"));
        }
        List<Arguments> out = new ArrayList<>();
        for (Path m : models) {
            for (Format f : FormatRegistry.load().all()) {
                if (f.reader().isPresent() && f.writer().isPresent()) {
                    out.add(Arguments.of(m, f.id()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("cases")
    void roundTripsThroughEveryFormat(Path model, String formatId) throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(model), "shared models not found");
        FormatRegistry registry = FormatRegistry.load();
        ModelDocument original = registry.read(model, null);
        Format format = registry.all().stream().filter(f -> f.id().equals(formatId)).findFirst().orElseThrow();
        Path file = dir.resolve("model." + format.extensions().get(0));
        try (AtomicOutputs outs = new AtomicOutputs()) {
            format.writer().orElseThrow().write(original, file, outs);
            outs.commit();
        }
        ModelDocument back = format.reader().orElseThrow().read(file);
        var before = original.toLogicalModel();
        var after = back.toLogicalModel();
        TruthTables.assertSameFunctions(before, after);
        if (before.getComponents().size() <= 40) {
            assertThat(StableStates.of(after, file.toString()).patterns())
                .hasSameSizeAs(StableStates.of(before, model.toString()).patterns());
        }
    }

    @Test
    void theOdeModelIsRefusedWithItsName() throws IOException {
        Path root = shared();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root), "shared models not found");
        Path ode = root.resolve("models/faratian2009_BIOMD0000000424/BIOMD0000000424.xml");
        Assumptions.assumeTrue(Files.isRegularFile(ode), "Faratian 2009 model not found");
        assertThatThrownBy(() -> FormatRegistry.load().read(ode, "sbml").toLogicalModel())
            .isInstanceOf(ModelException.class)
            .hasMessageContaining("BIOMD0000000424.xml");
    }
}
