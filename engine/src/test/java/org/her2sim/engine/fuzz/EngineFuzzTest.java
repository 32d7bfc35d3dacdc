// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.sim.CompiledModel;

/**
 * Fuzz targets for the engine's languages: any text is read, or refused with a located
 * {@link ModelException}; nothing else may escape. The normal test run replays the corpus in
 * {@code src/test/resources/org/her2sim/engine/fuzz/EngineFuzzTestInputs}; {@code bench/fuzz} fuzzes.
 */
class EngineFuzzTest {
    private static final Network MODEL = BndParser.parse("m.bnd", """
        node A { logic = A & !B; rate_up = @logic ? $u : 0; rate_down = @logic ? 0 : 1; }
        node B { logic = A; rate_up = @logic ? 2 : 0; rate_down = @logic ? 0 : 2; }
        """);

    @FuzzTest
    void bnd(byte[] data) {
        try {
            Network n = BndParser.parse("fuzz.bnd", new String(data, StandardCharsets.UTF_8));
            CompiledModel.compile(n, new RunConfig.Builder().variable("u", 1).build());
        } catch (ModelException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void cfg(byte[] data) {
        try {
            RunConfig.Builder b = new RunConfig.Builder();
            CfgParser.apply("fuzz.cfg", new String(data, StandardCharsets.UTF_8), MODEL, b);
            CompiledModel.compile(MODEL, b.build());
        } catch (ModelException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
