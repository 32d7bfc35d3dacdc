// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load: 20 clients post a prediction at the same moment (default limits: 2 jobs at once, the rest
 * queued) and poll it to the end. All must finish without an error. Prints the latency, from the
 * POST to the finished job, and writes it to {@code target/load.txt}. Samples per simulation:
 * {@code -Dher2sim.load.samples} (default 100). One warm-up run goes first.
 */
class LoadTest {
    static final int CLIENTS = 20;

    @TempDir
    Path data;

    @Test
    void twentyConcurrentPredictionsAllFinish() throws Exception {
        long samples = Long.getLong("her2sim.load.samples", 100);
        WebConfig c = WebConfig.defaults().at("127.0.0.1", 0).withDataDir(data);
        try (WebServer server = WebServer.start(c)) {
            Client client = new Client(server.url());
            // one run first, so the figures are those of a warm server
            Client.Reply warm = client.post("/api/predict", "{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"samples\": 10}");
            assertThat(client.await((String) warm.json().get("id"), 120).get("status")).isEqualTo("done");
            String[] profiles = {"pik3ca_mutant", "pten_null", "trastuzumab_sensitive", "muc4_high", "p95her2_high"};
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String body = "{\"profile\": \"" + profiles[i % profiles.length] + "\", \"therapies\": [\"trastuzumab\"], \"samples\": " + samples
                    + ", \"seed\": " + (i + 1) + "}";
                futures.add(pool.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    Client.Reply r = client.post("/api/predict", body);
                    long posted = System.nanoTime() - t0;
                    assertThat(r.status()).as(r.text()).isEqualTo(202);
                    Map<String, Object> job = client.await((String) r.json().get("id"), 600);
                    assertThat(job.get("status")).as(String.valueOf(job.get("error"))).isEqualTo("done");
                    return new long[] {posted, System.nanoTime() - t0};
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            List<Long> post = new ArrayList<>();
            List<Long> total = new ArrayList<>();
            for (Future<long[]> f : futures) {
                long[] t = f.get();
                post.add(t[0]);
                total.add(t[1]);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            String line = String.format(Locale.ROOT, "%d concurrent predict requests (samples %d, rescues on, %d jobs at once): all done;"
                    + " POST median %.0f ms p95 %.0f ms; POST-to-result median %.1f s p95 %.1f s max %.1f s; wall %.1f s (%.2f predictions/s)",
                CLIENTS, samples, c.maxJobs(), ms(post, 0.5), ms(post, 0.95), ms(total, 0.5) / 1000, ms(total, 0.95) / 1000,
                ms(total, 1.0) / 1000, wall, CLIENTS / wall);
            System.out.println(line);
            Files.writeString(Path.of("target", "load.txt"), line + "\n");
            assertThat(client.get("/api/runs").json().get("runs")).asList().hasSize(CLIENTS + 1);
        }
    }

    /** The q-quantile in milliseconds (nearest rank). */
    static double ms(List<Long> nanos, double q) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        int i = (int) Math.ceil(q * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i))) / 1e6;
    }
}
