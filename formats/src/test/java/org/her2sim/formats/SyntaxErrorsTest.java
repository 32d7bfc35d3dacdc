// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.engine.error.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed bnet, BooleanNet or SBML-qual file is refused with its file, line and column. */
class SyntaxErrorsTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static ModelDocument read(Path p) throws IOException {
        return FormatRegistry.load().read(p, null);
    }

    @Test
    void bnetNamesLineAndColumn() throws IOException {
        Path p = write("bad.bnet", "targets, factors\nA, B\n# a comment\nB, A &&& C\nC, C\n");
        assertThatThrownBy(() -> read(p)).isInstanceOf(ModelException.class)
            .hasMessageStartingWith(p + ":4:7: ").hasMessageContaining("not valid bnet");
    }

    @Test
    void bnetWithTooManyOperatorsIsRefusedAtTheOperatorAsMabossRefusesIt() throws IOException {
        // a 5,000-term OR chain took bioLQM's grammar about 10 s before the stack guard refused it (a fuzzing slow unit)
        String chain = "A" + " | A".repeat(5000);
        Path p = write("long.bnet", "targets, factors\nA, " + chain + "\n");
        int col = "A, A".length() + 1000 * " | A".length() + 2;
        assertThatThrownBy(() -> read(p)).isInstanceOf(ModelException.class)
            .hasMessageStartingWith(p + ":2:" + col + ": ").hasMessageContaining("nested too deeply (at most 1000 chained operators");
        // a line at the limit still reads
        Path ok = write("ok.bnet", "A, A" + " | A".repeat(1000) + "\n");
        org.assertj.core.api.Assertions.assertThat(read(ok)).isNotNull();
        Path deep = write("deep.bnet", "A, " + "(".repeat(251) + "A" + ")".repeat(251) + "\n");
        assertThatThrownBy(() -> read(deep)).isInstanceOf(ModelException.class).hasMessageStartingWith(deep + ":1:254: ");
    }

    @Test
    void bnetUnclosedParenthesisOnTheLastLine() throws IOException {
        Path p = write("paren.bnet", "A, B\nB, (A | B\n");
        assertThatThrownBy(() -> read(p)).isInstanceOf(ModelException.class).hasMessageStartingWith(p + ":2:");
    }

    @Test
    void booleanNetNamesLineAndColumn() throws IOException {
        Path p = write("bad.booleannet", "A* = B\nB* = A and or C\nC* = C\n");
        assertThatThrownBy(() -> read(p)).isInstanceOf(ModelException.class)
            .hasMessageStartingWith(p + ":2:12: ").hasMessageContaining("not valid BooleanNet");
    }

    @Test
    void sbmlNamesLineAndColumnOfMalformedXml() throws IOException {
        Path p = write("bad.sbml", "<?xml version=\"1.0\"?>\n<sbml>\n  <model id=\"m\">\n  </modle>\n</sbml>\n");
        assertThatThrownBy(() -> read(p)).isInstanceOf(ModelException.class)
            .hasMessageStartingWith(p + ":4:").hasMessageContaining("not well-formed XML");
    }

    @Test
    void validFilesStillRead() throws IOException {
        assertThat(read(write("ok.bnet", "targets, factors\nA, B & !EGF\nB, A\n")).network().size()).isEqualTo(3);
        assertThat(read(write("ok.booleannet", "A* = B\nB* = not A\n")).network().size()).isEqualTo(2);
    }
}
