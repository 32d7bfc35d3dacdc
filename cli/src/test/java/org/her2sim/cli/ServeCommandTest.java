// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.her2sim.web.WebConfig;
import org.junit.jupiter.api.Test;

/** {@code her2sim serve}: its options become the server's configuration; bad values are usage errors. */
class ServeCommandTest {
    private static WebConfig config(String... args) {
        ServeCommand c = new ServeCommand();
        return ServeCommand.config(Args.parse(c.spec(), List.of(args)));
    }

    @Test
    void loopbackAndDefaultsUnlessTold() {
        WebConfig c = config();
        assertThat(c.bind()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.loopback()).isTrue();
        WebConfig d = config("--port", "0", "--bind", "0.0.0.0", "--data-dir", "/tmp/h", "--max-samples", "100", "--max-jobs", "1",
            "--max-queue", "3", "--max-run-seconds", "9", "--max-request-bytes", "5000");
        assertThat(d.port()).isZero();
        assertThat(d.loopback()).isFalse();
        assertThat(d.dataDir()).isEqualTo(Path.of("/tmp/h"));
        assertThat(List.of(d.maxSamples(), (long) d.maxJobs(), (long) d.maxQueue(), d.maxRunSeconds(), d.maxRequestBytes()))
            .containsExactly(100L, 1L, 3L, 9L, 5000L);
        WebConfig e = config("--max-cohort", "50", "--max-screen", "70");
        assertThat(List.of((long) e.maxCohortSize(), e.maxScreenWork())).containsExactly(50L, 70L);
        assertThat(List.of((long) c.maxCohortSize(), c.maxScreenWork())).containsExactly(2000L, 5000L);
    }

    @Test
    void badValuesAreUsageErrors() {
        for (String[] args : List.of(new String[] {"serve", "--port", "70000"}, new String[] {"serve", "--max-jobs", "0"},
            new String[] {"serve", "--max-cohort", "0"}, new String[] {"serve", "--max-screen", "-1"},
            new String[] {"serve", "--port", "x"}, new String[] {"serve", "extra"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.execute(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), args);
            assertThat(code).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("her2sim serve:");
        }
    }

    @Test
    void listedInTheHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve");
    }
}
