// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.her2sim.engine.error.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All-or-nothing outputs: refused early with the target's name, and no temporary file left by SIGTERM. */
class AtomicOutputsTest {
    @TempDir
    Path dir;

    /** A process for the SIGTERM test: writes a temporary output, says so, and waits to be stopped. */
    public static void main(String[] args) throws Exception {
        AtomicOutputs outs = new AtomicOutputs();
        outs.write(Path.of(args[0]), w -> w.write("half"));
        System.out.println("written");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void sigtermLeavesNoTemporaryFile() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), AtomicOutputsTest.class.getName(),
            dir.resolve("out.csv").toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("written");
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.toList()).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).endsWith(".tmp"));
            }
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void anUnwritableTargetIsNamedNotItsTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "");
        assertThatThrownBy(() -> AtomicOutputs.checkWritable(file.resolve("x/y.csv"))).isInstanceOf(ModelException.class)
            .hasMessage(file.resolve("x/y.csv") + ": cannot write: " + file + " is not a directory");
        assertThatThrownBy(() -> AtomicOutputs.checkWritable(dir)).hasMessageEndingWith("cannot write: it is a directory");
        try (AtomicOutputs outs = new AtomicOutputs()) {
            assertThatThrownBy(() -> outs.write(file.resolve("y.csv"), w -> w.write("x"))).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(file.resolve("y.csv") + ": cannot write").hasMessageNotContaining(".tmp");
        }
    }
}
