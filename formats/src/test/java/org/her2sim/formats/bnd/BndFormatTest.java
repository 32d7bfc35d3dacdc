// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.bnd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.formats.ModelDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BND with its CFG: the configuration (rates' parameters, initial states, internal nodes, globals) survives a write and read. */
class BndFormatTest {
    @TempDir
    Path dir;

    @Test
    void configurationBesideTheModelIsReadAndWritten() throws Exception {
        Path bnd = dir.resolve("m.bnd");
        Files.writeString(bnd, """
            node A { rate_up = $u; rate_down = 0; }
            node B { logic = A; rate_up = @logic ? $k : 0; rate_down = @logic ? 0 : 1; }
            """);
        Files.writeString(dir.resolve("m.cfg"), """
            $u = 0.5; $k = 2;
            A.istate = 0; B.istate = 1;
            A.is_internal = 1;
            max_time = 20; sample_count = 300;
            """);
        BndFormat f = new BndFormat();
        ModelDocument doc = f.reader().orElseThrow().read(bnd);
        assertThat(doc.config()).isPresent();
        Path out = dir.resolve("out/copy.bnd");
        try (AtomicOutputs outs = new AtomicOutputs()) {
            f.writer().orElseThrow().write(doc, out, outs);
            outs.commit();
        }
        assertThat(dir.resolve("out/copy.cfg")).exists();
        ModelDocument back = f.reader().orElseThrow().read(out);
        RunConfig c = back.config().orElseThrow();
        assertThat(c.variables()).containsEntry("u", 0.5).containsEntry("k", 2.0);
        assertThat(c.isInternal("A")).isTrue();
        assertThat(c.isInternal("B")).isFalse();
        assertThat(c.maxTime()).isEqualTo(20.0);
        assertThat(c.sampleCount()).isEqualTo(300);
        assertThat(c.istates()).containsKeys("A", "B");
        for (String attr : java.util.List.of("logic", "rate_up", "rate_down")) {
            assertThat(ExpressionPrinter.print(back.network().node("B").attribute(attr)))
                .isEqualTo(ExpressionPrinter.print(doc.network().node("B").attribute(attr)));
        }
        // A has a positive constant up rate and no down rate: a constant 1 for the Boolean analyses
        assertThat(back.toLogicalModel().getTargetValue(0, new byte[] {0, 0})).isEqualTo((byte) 1);
    }
}
