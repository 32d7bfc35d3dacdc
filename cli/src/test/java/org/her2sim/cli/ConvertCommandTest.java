// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.her2sim.cli.MabossCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code convert} command: a chain through every writable format keeps the stable states; errors write nothing. */
class ConvertCommandTest {
    @TempDir
    Path dir;

    static Run run(String... args) {
        return MabossCommandTest.run(args);
    }

    @Test
    void chainThroughEveryFormatKeepsStableStates() throws IOException {
        Path start = dir.resolve("m.bnet");
        Files.writeString(start, "targets, factors\nA, B | I\nB, A & !C\nC, !A\nI, I\n");
        String expected = run("analyze", "stable-states", start.toString(), "--json").out();
        Path previous = start;
        for (String ext : new String[] {"bnd", "sbml", "ginml", "zginml", "booleannet", "bnet"}) {
            Path next = dir.resolve("step-" + ext + "." + ext);
            Run r = run("convert", previous.toString(), next.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("(" + ext + "): 4 nodes");
            previous = next;
        }
        assertThat(dir.resolve("step-bnd.cfg")).exists();
        String after = run("analyze", "stable-states", previous.toString(), "--json").out();
        // same states; only the model's name differs
        assertThat(after.replace(previous.toString(), "M")).isEqualTo(expected.replace(start.toString(), "M"));
    }

    @Test
    void explicitFormatsAndErrors() throws IOException {
        Path in = dir.resolve("model.txt");
        Files.writeString(in, "A, !A\n");
        Run r = run("convert", in.toString(), dir.resolve("out.data").toString(), "--from", "bnet", "--to", "ginml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("out.data"))).contains("<node id=\"A\"");
        Run unknownExt = run("convert", in.toString(), dir.resolve("x.bnet").toString());
        assertThat(unknownExt.code()).isEqualTo(2);
        assertThat(unknownExt.err()).contains("model.txt").contains("cannot tell the format");
        Path bad = dir.resolve("bad.bnet");
        Files.writeString(bad, "A, (B\n");
        Run syntax = run("convert", bad.toString(), dir.resolve("never.sbml").toString());
        assertThat(syntax.code()).isEqualTo(2);
        assertThat(syntax.err()).contains("bad.bnet");
        assertThat(run("convert", in.toString()).code()).isEqualTo(2);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.startsWith("never") || n.endsWith(".tmp") || n.equals("x.bnet"));
        }
    }
}
