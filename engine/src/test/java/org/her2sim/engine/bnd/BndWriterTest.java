// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.bnd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.Node;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BndWriter}: written text parses back to the same network, node order included, for
 * every MaBoSS model in {@code ../shared} (skipped when absent) and for shapes that stress the order.
 */
class BndWriterTest {

    static Path shared() {
        return Path.of(System.getProperty("her2sim.shared", "../../shared")).toAbsolutePath().normalize();
    }

    static Stream<Path> sharedModels() throws IOException {
        Path root = shared();
        if (!Files.isDirectory(root)) {
            return Stream.of(Path.of("<shared models not found at " + root + ">"));
        }
        Path real = root.toRealPath();
        try (Stream<Path> s = Files.walk(real)) {
            // every MaBoSS model; the BoolNet files under models/ leave inputs undeclared and are for the formats module
            List<Path> l = s.filter(p -> p.toString().endsWith(".bnd")
                || p.toString().endsWith(".bnet") && p.startsWith(real.resolve("conformance"))).sorted().toList();
            return l.isEmpty() ? Stream.of(Path.of("<no models found under " + real + ">")) : l.stream();
        }
    }

    static void assertSameNetwork(Network a, Network b) {
        assertThat(b.nodes().stream().map(Node::name).toList()).isEqualTo(a.nodes().stream().map(Node::name).toList());
        for (Node n : a.nodes()) {
            Node m = b.node(n.name());
            assertThat(m.description()).isEqualTo(n.description());
            assertThat(m.attributes().keySet()).containsExactlyElementsOf(n.attributes().keySet());
            for (Map.Entry<String, Expression> e : n.attributes().entrySet()) {
                assertThat(ExpressionPrinter.print(m.attribute(e.getKey()))).as(n.name() + "." + e.getKey())
                    .isEqualTo(ExpressionPrinter.print(e.getValue()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sharedModels")
    void sharedModelsRoundTrip(Path model) throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(model), "skipped: " + model);
        Network original = BndParser.read(model);
        String text = BndWriter.write(original);
        Network back = BndParser.parse("written.bnd", text);
        assertSameNetwork(original, back);
        assertThat(BndWriter.write(back)).isEqualTo(text);
    }

    @Test
    void longChainDeclaredBackwards() {
        // N0 : N1, N1 : N2, ... each line mentions the next node before declaring its own
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append("N").append(i).append(" : N").append((i + 1) % 200).append(" & !N").append((i + 7) % 200).append('\n');
        }
        Network original = BndParser.parse("chain.bnd", sb.toString());
        assertThat(original.node(0).name()).isEqualTo("N1");
        assertSameNetwork(original, BndParser.parse("written.bnd", BndWriter.write(original)));
    }

    @Test
    void selfReferencesAndNodesWithoutAttributes() {
        Network original = BndParser.parse("t.bnd", """
            node Z { }
            node Y { logic = Y & X; }
            node X { rate_up = @logic ? 1 : 0; logic = W | Z; }
            node W { description = "w"; }
            """);
        assertThat(original.nodes().stream().map(Node::name).toList()).containsExactly("Z", "Y", "X", "W");
        assertSameNetwork(original, BndParser.parse("written.bnd", BndWriter.write(original)));
    }
}
