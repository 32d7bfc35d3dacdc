// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.her2sim.cli.MabossCommandTest.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress on standard error: a line per stage on a terminal, nothing with -q or when standard error is not a terminal; stdout unchanged. */
class ProgressTest {
    static final String FIXTURE = Her2CommandsTest.FIXTURE;

    @TempDir
    Path dir;

    @AfterEach
    void realTerminal() {
        Progress.terminal = () -> System.console() != null;
    }

    @Test
    void stagesShowOnlyOnATerminalAndWithoutQuiet() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress.terminal = () -> false;
        Progress.of("demo", false, err).stage("hidden");
        Progress.terminal = () -> true;
        Progress.of("demo", true, err).stage("hidden too");
        Progress shown = Progress.of("demo", false, err);
        assertThat(shown.on()).isTrue();
        shown.stage("[1/3] baseline");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("her2sim demo: [1/3] baseline" + System.lineSeparator());
    }

    private Run demo(String out, String... more) {
        String[] base = {"demo", "--catalog", FIXTURE, "-o", dir.resolve(out).toString(), "--samples", "60", "--seed", "2"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return MabossCommandTest.run(args);
    }

    @Test
    void demoPrintsAStageLinePerProfileOnATerminalOnly() {
        Progress.terminal = () -> false;
        Run piped = demo("a");
        assertThat(piped.code()).as(piped.err()).isZero();
        assertThat(piped.err()).isEmpty();
        Progress.terminal = () -> true;
        Run tty = demo("a");
        assertThat(tty.err()).contains("her2sim demo: 3 profiles under trastuzumab, seed 2").contains("her2sim demo: [1/3] baseline")
            .contains("her2sim demo: [3/3] pik3ca").contains("her2sim demo: writing the report");
        assertThat(tty.out()).isEqualTo(piped.out());
        Run quiet = demo("a", "-q");
        assertThat(quiet.code()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).isEqualTo(piped.out());
    }

    @Test
    void predictCountsItsSimulationsOnATerminal() {
        String[] args = {"predict", "--catalog", FIXTURE, "--profile", "pik3ca", "--therapy", "trastuzumab", "--samples", "60", "--seed", "3"};
        Progress.terminal = () -> false;
        Run piped = MabossCommandTest.run(args);
        assertThat(piped.err()).isEmpty();
        Progress.terminal = () -> true;
        Run tty = MabossCommandTest.run(args);
        assertThat(tty.err()).contains("her2sim predict: pik3ca under trastuzumab, seed 3").containsPattern("her2sim predict: \\d+ simulations");
        assertThat(tty.out()).isEqualTo(piped.out());
        String[] quiet = java.util.Arrays.copyOf(args, args.length + 1);
        quiet[args.length] = "--quiet";
        assertThat(MabossCommandTest.run(quiet).err()).isEmpty();
    }
}
