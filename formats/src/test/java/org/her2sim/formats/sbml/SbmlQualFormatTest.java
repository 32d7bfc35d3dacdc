// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.LogicalModelImpl;
import org.colomoto.biolqm.NodeInfo;
import org.colomoto.biolqm.service.LQMServiceManager;
import org.colomoto.mddlib.MDDManager;
import org.colomoto.mddlib.MDDManagerFactory;
import org.colomoto.mddlib.MDDVariableFactory;
import org.her2sim.engine.error.ModelException;
import org.her2sim.formats.FormatRegistry;
import org.her2sim.formats.ModelDocument;
import org.her2sim.formats.SharedModels;
import org.her2sim.formats.analysis.NodeFix;
import org.her2sim.formats.analysis.StableStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SBML-qual through bioLQM: published files read, multi-valued models refused with the file and component named. */
class SbmlQualFormatTest {
    @TempDir
    Path dir;

    @Test
    void multiValuedComponentIsRefusedNamingFileAndComponent() throws Exception {
        // Level (0..2) feeds Boolean B, which is on from level 1
        NodeInfo level = new NodeInfo("Level", (byte) 2);
        NodeInfo b = new NodeInfo("B", (byte) 1);
        List<NodeInfo> nodes = List.of(level, b);
        MDDVariableFactory vars = new MDDVariableFactory();
        vars.add(level, (byte) 3);
        vars.add(b, (byte) 2);
        MDDManager ddm = MDDManagerFactory.getManager(vars, 3);
        int fLevel = 2;
        int fB = ddm.getAllVariables()[0].getNode(new int[] {0, 1, 1});
        LogicalModel m = new LogicalModelImpl(nodes, ddm, new int[] {fLevel, fB});
        Path file = dir.resolve("multi.sbml");
        LQMServiceManager.getFormat("sbml").export(m, file.toString());
        assertThatThrownBy(() -> new SbmlQualFormat().reader().orElseThrow().read(file))
            .isInstanceOf(ModelException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("component Level")
            .hasMessageContaining("multi-valued")
            .satisfies(e -> assertThat(((ModelException) e).location().source()).contains("multi.sbml").contains("Level"));
    }

    @Test
    void notSbmlIsAnErrorNamingTheFile() throws Exception {
        Path file = dir.resolve("junk.sbml");
        java.nio.file.Files.writeString(file, "<notsbml/>");
        assertThatThrownBy(() -> new SbmlQualFormat().reader().orElseThrow().read(file))
            .isInstanceOf(ModelException.class).hasMessageStartingWith(file.toString());
    }

    @Test
    void sahin2009SbmlHasTheSameStableStatesAsTheBnet() throws Exception {
        Path sbml = SharedModels.require("sahin2009_erbb_g1s/bbm-096-model.sbml");
        Path bnet = SharedModels.require("sahin2009_erbb_g1s/bbm-096-model.bnet");
        ModelDocument a = FormatRegistry.load().read(sbml, null);
        ModelDocument b = FormatRegistry.load().read(bnet, null);
        for (int egf = 0; egf <= 1; egf++) {
            List<NodeFix> fix = List.of(new NodeFix("v_EGF", egf));
            var sa = StableStates.of(NodeFix.apply(a.toLogicalModel(), fix, "sbml"), "sbml");
            var sb = StableStates.of(NodeFix.apply(b.toLogicalModel(), fix, "bnet"), "bnet");
            assertThat(sa.size()).isEqualTo(sb.size()).isEqualTo(egf == 1 ? 1 : 2);
            assertThat(sa.values("v_pRB1")).isEqualTo(sb.values("v_pRB1"));
        }
    }
}
