// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.cli.MabossCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code analyze} commands end to end: tables, JSON, fixes, and bad input. */
class AnalyzeCommandsTest {

    /** A bistable switch A <-> B driven by input I, and a negative loop C -| D -> C that oscillates unless I is on. */
    static final String MODEL = """
        targets, factors
        A, B | I
        B, A
        C, !D & !I
        D, C
        I, I
        """;

    @TempDir
    Path dir;

    Path model() throws IOException {
        Path p = dir.resolve("switch.bnet");
        Files.writeString(p, MODEL);
        return p;
    }

    static Run run(String... args) {
        return MabossCommandTest.run(args);
    }

    @Test
    void stableStatesTableAndJson() throws IOException {
        Path m = model();
        Run r = run("analyze", "stable-states", m.toString(), "--ki", "I");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 stable states with I=1");
        assertThat(r.out().lines().filter(l -> l.startsWith("A ")).findFirst().orElseThrow()).endsWith("1");
        Run j = run("analyze", "stable-states", m.toString(), "--fix", "I=1", "--json");
        assertThat(j.code()).as(j.err()).isZero();
        assertThat(j.out()).contains("\"fixed\": {\"I\": 1}").contains("\"stable_states\": [")
            .contains("\"A\": 1, \"B\": 1").contains("\"C\": 0, \"D\": 0");
    }

    @Test
    void withoutTheInputTheLoopOscillatesSoOnlyTrapSpacesSeeIt() throws IOException {
        Path m = model();
        Run s = run("analyze", "stable-states", m.toString(), "--ko", "I");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains("0 stable states");
        Run t = run("analyze", "trap-spaces", m.toString(), "--ko", "I", "--json");
        assertThat(t.code()).as(t.err()).isZero();
        // the switch settles (A = B = 0 or 1) while C and D stay free
        assertThat(t.out()).contains("\"minimal_trap_spaces\"")
            .contains("{\"A\": 0, \"B\": 0, \"C\": null, \"D\": null, \"I\": 0}")
            .contains("{\"A\": 1, \"B\": 1, \"C\": null, \"D\": null, \"I\": 0}");
    }

    @Test
    void knockoutScreenTable() throws IOException {
        Run r = run("analyze", "knockouts", model().toString(), "--readout", "A", "--fix", "I=1", "--pairs");
        assertThat(r.code()).as(r.err()).isZero();
        // baseline, KO and KI of B, C, D, and the 3 double knock-outs
        assertThat(r.out()).contains("readout A with I=1; 10 perturbations");
        assertThat(r.out()).containsPattern("(?m)^none\\s+1\\s+1$").containsPattern("(?m)^B=0\\s+1\\s+1$")
            .containsPattern("(?m)^B=0 C=0\\s+1\\s+1$");
        assertThat(r.out()).doesNotContain("I=0");
    }

    @Test
    void knockoutScreenJson() throws IOException {
        Run r = run("analyze", "knockouts", model().toString(), "--readout", "C", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"readout\": \"C\"")
            // I = 0 leaves C and D oscillating (no stable state); I = 1 gives one, with C = 0
            .contains("{\"fix\": {}, \"stable_states\": 1, \"readout_values\": [0]}")
            .contains("{\"fix\": {\"D\": 0}, \"stable_states\": 3, \"readout_values\": [0, 1]}");
    }

    @Test
    void badInputExitsTwoNamingTheFile() throws IOException {
        Path m = model();
        Run unknown = run("analyze", "stable-states", m.toString(), "--ko", "Nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains(m.toString()).contains("Nope");
        Run readout = run("analyze", "knockouts", m.toString(), "--readout", "Z");
        assertThat(readout.code()).isEqualTo(2);
        assertThat(readout.err()).contains(m.toString()).contains("readout Z");
        assertThat(run("analyze", "knockouts", m.toString()).code()).isEqualTo(2);
        Run missing = run("analyze", "trap-spaces", dir.resolve("none.bnet").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.bnet");
        Path bad = dir.resolve("bad.bnet");
        Files.writeString(bad, "A, B &&& \n");
        Run syntax = run("analyze", "stable-states", bad.toString());
        assertThat(syntax.code()).isEqualTo(2);
        assertThat(syntax.err()).contains("bad.bnet:1:");
        Run fix = run("analyze", "stable-states", m.toString(), "--fix", "A=2");
        assertThat(fix.code()).isEqualTo(2);
        assertThat(fix.err()).contains("A=2");
        assertThat(run("analyze", "nosuch", m.toString()).code()).isEqualTo(2);
    }

    @Test
    void tableShowsAtMostMaxShownColumns() throws IOException {
        // three free inputs: 2^3 stable states
        Path p = dir.resolve("inputs.bnet");
        Files.writeString(p, "X, X\nY, Y\nZ, Z\n");
        Run r = run("analyze", "stable-states", p.toString(), "--max-shown", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("8 stable states").contains("(3 of 8 shown;");
        assertThat(r.out().lines().filter(l -> l.startsWith("X ")).findFirst().orElseThrow().trim().split("\\s+")).hasSize(4);
        assertThat(run("analyze", "stable-states", p.toString(), "--max-shown", "-1").code()).isEqualTo(2);
        assertThat(run("analyze", "stable-states", p.toString(), "--json").out().split("\\{\"X\"", -1)).hasSize(9);
    }

    @Test
    void pairKindsScreenKnockInsAndMixedPairs() throws IOException {
        Path p = dir.resolve("xy.bnet");
        // R is on exactly when X is in and Y is out
        Files.writeString(p, "X, X\nY, Y\nR, X & !Y\n");
        Run r = run("analyze", "knockouts", p.toString(), "--readout", "R", "--pair-kinds", "ko,ki,mixed");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("readout R; 9 perturbations")
            .containsPattern("(?m)^X=0 Y=0\\s+1\\s+0$").containsPattern("(?m)^X=1 Y=1\\s+1\\s+0$")
            .containsPattern("(?m)^X=0 Y=1\\s+1\\s+0$").containsPattern("(?m)^X=1 Y=0\\s+1\\s+1$");
        Run ki = run("analyze", "knockouts", p.toString(), "--readout", "R", "--pair-kinds", "ki", "--json");
        assertThat(ki.code()).as(ki.err()).isZero();
        assertThat(ki.out()).contains("{\"fix\": {\"X\": 1, \"Y\": 1}, \"stable_states\": 1, \"readout_values\": [0]}")
            .doesNotContain("{\"X\": 0, \"Y\": 0}");
        Run bad = run("analyze", "knockouts", p.toString(), "--readout", "R", "--pair-kinds", "ko,both");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--pair-kinds").contains("ko, ki or mixed");
    }

    @Test
    void limitStopsTheListAndSaysThereAreMore() throws IOException {
        Path p = dir.resolve("inputs.bnet");
        Files.writeString(p, "X, X\nY, Y\nZ, Z\n");
        Run r = run("analyze", "stable-states", p.toString(), "--limit", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("5 stable states listed").contains("stopped at --limit 5: there are more");
        Run j = run("analyze", "trap-spaces", p.toString(), "--limit", "5", "--json");
        assertThat(j.out()).contains("\"complete\": false");
        assertThat(run("analyze", "stable-states", p.toString(), "--json").out()).contains("\"complete\": true");
        assertThat(run("analyze", "stable-states", p.toString(), "--limit", "0").code()).isEqualTo(2);
    }

    @Test
    void inputsOptionHoldsEveryInput() throws IOException {
        Path m = model();
        Run r = run("analyze", "stable-states", m.toString(), "--inputs", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 stable states with I=1");
        Run off = run("analyze", "trap-spaces", m.toString(), "--inputs", "0", "--ki", "D");
        assertThat(off.code()).as(off.err()).isZero();
        assertThat(off.out()).contains("with D=1 I=0");
        assertThat(run("analyze", "stable-states", m.toString(), "--inputs", "2").code()).isEqualTo(2);
    }

    @Test
    void helpListsTheAnalyzeCommands() {
        Run r = run("--help");
        assertThat(r.out()).contains("analyze stable-states").contains("analyze trap-spaces").contains("analyze knockouts");
        Run h = run("help", "analyze", "knockouts");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("--readout NODE").contains("--pairs");
    }

    @Test
    void sahin2009DoubleKnockOutOfTheReceptors() {
        String root = System.getProperty("her2sim.shared");
        Path p = root == null ? null : Path.of(root, "models", "sahin2009_erbb_g1s", "bbm-096-model.bnet");
        assumeTrue(p != null && Files.isRegularFile(p), "shared model sahin2009_erbb_g1s not found (her2sim.shared=" + root + ")");
        Run r = run("analyze", "stable-states", p.toString(), "--fix", "v_EGF=1", "--ko", "v_ERBB1,v_ERBB2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 stable states");
        Run k = run("analyze", "knockouts", p.toString(), "--fix", "v_EGF=1", "--readout", "v_pRB1");
        assertThat(k.code()).as(k.err()).isZero();
        assertThat(k.out()).containsPattern("(?m)^v_CDK4=0\\s+1\\s+0$").containsPattern("(?m)^none\\s+1\\s+1$");
    }

    @Test
    void inputsAtIstateHoldTheHer2ModelsInputsSoItsStableStatesCanBeListed() throws IOException {
        Path bnd = Path.of("..", "her2", "src", "main", "resources", "her2", "network", "her2.bnd");
        Run base = run("analyze", "stable-states", bnd.toString(), "--inputs-at-istate", "--ki", "TZB", "--json");
        assertThat(base.code()).as(base.err()).isZero();
        assertThat(base.out()).contains("\"TZB\": 1").contains("\"HER2\": 1");
        Run pik3ca = run("analyze", "stable-states", bnd.toString(), "--inputs-at-istate", "--ki", "TZB,PIK3CA_mut");
        assertThat(pik3ca.code()).as(pik3ca.err()).isZero();
        assertThat(pik3ca.out()).contains("1 stable states with TZB=1 PIK3CA_mut=1");
        assertThat(pik3ca.out().lines().filter(l -> l.startsWith("AKT ")).findFirst().orElseThrow()).endsWith("1");
        Run noCfg = run("analyze", "stable-states", model().toString(), "--inputs-at-istate");
        assertThat(noCfg.code()).isEqualTo(2);
        assertThat(noCfg.err()).contains("--inputs-at-istate needs a .bnd model with its .cfg");
    }
}
