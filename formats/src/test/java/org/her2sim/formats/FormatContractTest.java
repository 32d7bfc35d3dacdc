// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.formats.analysis.StableStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format the registry finds that can both write and read: a model written then read back
 * has the same Boolean functions and the same stable states. Compared semantically, never as text.
 */
class FormatContractTest {

    /** Inputs, a constant, negation, XOR, a cycle and a switch, in one small model. */
    static final String MODEL = """
        node In { }
        node On { rate_up = 1; rate_down = 0; }
        node A { logic = (In | B) & !C; }
        node B { logic = A ^ On; }
        node C { logic = !A & In; }
        node S1 { logic = S2; }
        node S2 { logic = S1 | (A & C); }
        """;

    @TempDir
    Path dir;

    static Stream<Arguments> readWriteFormats() {
        List<Arguments> out = new ArrayList<>();
        for (Format f : FormatRegistry.load().all()) {
            if (f.reader().isPresent() && f.writer().isPresent()) {
                out.add(Arguments.of(f.id(), f));
            }
        }
        return out.stream();
    }

    @Test
    void registryFindsEveryFormat() {
        assertThat(FormatRegistry.load().all()).extracting(Format::id)
            .containsExactly("bnd", "bnet", "booleannet", "ginml", "sbml", "zginml");
        FormatRegistry r = FormatRegistry.load();
        assertThat(r.forFile(Path.of("m.BNET"), null).id()).isEqualTo("bnet");
        assertThat(r.forFile(Path.of("x/m.zginml"), null).id()).isEqualTo("zginml");
        assertThat(r.forFile(Path.of("bbm-096-model.booleannet.txt"), null).id()).isEqualTo("booleannet");
        assertThat(r.forFile(Path.of("m.txt"), "sbml").id()).isEqualTo("sbml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readWriteFormats")
    void writeThenReadKeepsFunctionsAndStableStates(String id, Format format) throws IOException {
        ModelDocument original = ModelDocument.of(BndParser.parse("inline.bnd", MODEL));
        roundTrip(id, format, original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readWriteFormats")
    void sahin2009RoundTrips(String id, Format format) throws IOException {
        Path p = SharedModels.require("sahin2009_erbb_g1s/bbm-096-model.bnet");
        roundTrip(id, format, FormatRegistry.load().read(p, null));
    }

    private void roundTrip(String id, Format format, ModelDocument original) throws IOException {
        Path file = dir.resolve("model." + format.extensions().get(0));
        try (AtomicOutputs outs = new AtomicOutputs()) {
            format.writer().orElseThrow().write(original, file, outs);
            outs.commit();
        }
        assertThat(Files.size(file)).isPositive();
        ModelDocument back = format.reader().orElseThrow().read(file);
        var before = original.toLogicalModel();
        var after = back.toLogicalModel();
        TruthTables.assertSameFunctions(before, after);
        assertThat(StableStates.of(after, id).patterns().size()).isEqualTo(StableStates.of(before, id).patterns().size());
        assertThat(sorted(StableStates.of(after, id), BooleanConversion.names(before)))
            .isEqualTo(sorted(StableStates.of(before, id), BooleanConversion.names(before)));
    }

    /** Stable states as name=value strings, so that node order does not matter. */
    private static List<String> sorted(org.her2sim.formats.analysis.StatePatterns p, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String s : p.patterns()) {
            StringBuilder sb = new StringBuilder();
            for (String n : names) {
                sb.append(n).append('=').append(s.charAt(p.nodes().indexOf(n))).append(' ');
            }
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }
}
