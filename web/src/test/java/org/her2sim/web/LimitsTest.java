// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits: a full queue refuses with 429, a long job is cancelled, the sample cap is configurable. */
class LimitsTest {
    @TempDir
    Path data;

    private static final String SLOW = "{\"profile\": \"jimt1_like\", \"therapies\": [\"trastuzumab\"], \"samples\": 20000}";

    @Test
    void aFullQueueIs429AndALongJobTimesOut() throws Exception {
        WebConfig c = WebConfig.defaults().at("127.0.0.1", 0).withDataDir(data).withLimits(50_000, 1, 1, 1, 100_000);
        try (WebServer server = WebServer.start(c)) {
            Client client = new Client(server.url());
            Client.Reply running = client.post("/api/predict", SLOW);
            Client.Reply queued = client.post("/api/predict", SLOW);
            Client.Reply refused = client.post("/api/predict", SLOW);
            assertThat(running.status()).isEqualTo(202);
            assertThat(queued.status()).isEqualTo(202);
            assertThat(refused.status()).as(refused.text()).isEqualTo(429);
            assertThat((String) refused.json().get("message")).contains("too many jobs");
            String queuedId = (String) queued.json().get("id");
            assertThat(client.delete("/api/jobs/" + queuedId).status()).isEqualTo(200);
            assertThat(client.get("/api/jobs/" + queuedId).json().get("status")).isEqualTo("cancelled");
            Map<String, Object> job = client.await((String) running.json().get("id"), 60);
            assertThat(job.get("status")).isEqualTo("timeout");
            assertThat((String) job.get("error")).contains("limit of 1 s");
            // the slot is free again: the next job runs (to its end or to the same 1 s limit)
            Client.Reply next = client.post("/api/predict", "{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"samples\": 20,"
                + " \"rescues\": false}");
            assertThat(next.status()).isEqualTo(202);
            assertThat(client.await((String) next.json().get("id"), 60).get("status")).isIn("done", "timeout");
        }
    }

    @Test
    void theSampleCapIsConfigurable() throws Exception {
        WebConfig c = WebConfig.defaults().at("127.0.0.1", 0).withDataDir(data).withLimits(30, 1, 5, 60, 100_000);
        try (WebServer server = WebServer.start(c)) {
            Client client = new Client(server.url());
            Client.Reply r = client.post("/api/predict", "{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"samples\": 31}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("field")).isEqualTo("samples");
            assertThat((String) r.json().get("message")).contains("30");
            Map<String, Object> model = client.get("/api/model").json();
            assertThat((Map<String, Object>) model.get("limits")).containsEntry("maxSamples", 30);
            assertThat((Map<String, Object>) model.get("defaults")).containsEntry("samples", 30);
        }
    }

    @Test
    void limitsComeFromSystemProperties() {
        System.setProperty("her2sim.web.maxSamples", "123");
        System.setProperty("her2sim.web.maxJobs", "3");
        System.setProperty("her2sim.web.maxCohortSize", "77");
        System.setProperty("her2sim.web.maxScreenWork", "88");
        try {
            WebConfig c = WebConfig.defaults().withSystemProperties();
            assertThat(c.maxSamples()).isEqualTo(123);
            assertThat(c.maxJobs()).isEqualTo(3);
            assertThat(c.maxCohortSize()).isEqualTo(77);
            assertThat(c.maxScreenWork()).isEqualTo(88);
            assertThat(c.bind()).isEqualTo("127.0.0.1");
        } finally {
            System.clearProperty("her2sim.web.maxSamples");
            System.clearProperty("her2sim.web.maxJobs");
            System.clearProperty("her2sim.web.maxCohortSize");
            System.clearProperty("her2sim.web.maxScreenWork");
        }
    }
}
