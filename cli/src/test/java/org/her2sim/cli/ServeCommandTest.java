// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.her2sim.web.WebConfig;
import org.her2sim.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A second server on the same history (another process: H2 locks the file per process) stops
     * with one line naming the folder and --data-dir, exit 2, and leaves the first one's file alone.
     */
    @Test
    void aHistoryInUseIsOneClearLineAndExit2(@TempDir Path dir) throws Exception {
        try (WebServer first = WebServer.start(WebConfig.defaults().at("127.0.0.1", 0).withDataDir(dir))) {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--data-dir", dir.toString()).start();
            p.getOutputStream().close();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the second server should stop by itself").isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isEqualTo(2);
            assertThat(err.lines().toList()).as(err).hasSize(1);
            assertThat(err).startsWith("her2sim: error: the run history in " + dir.toAbsolutePath())
                .contains("in use by another her2sim server").contains("--data-dir DIR").doesNotContain("Exception");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).contains("runs.mv.db").noneMatch(n -> n.contains("damaged"));
            }
            HttpResponse<String> runs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(first.url() + "api/runs")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(runs.statusCode()).as("the first server still answers").isEqualTo(200);
        }
    }
}
