// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exception mapper: refusals keep their status, anything unexpected is still JSON; mangled requests never give a 500. */
class ErrorsTest {
    @TempDir
    Path data;

    @Test
    void everyErrorIsJson() {
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/bad", ctx -> {
                throw ApiException.bad("x", "x is wrong");
            });
            cfg.routes.get("/boom", ctx -> {
                throw new IllegalStateException("boom");
            });
            Errors.register(cfg.routes);
        }).start("127.0.0.1", 0);
        try {
            Client client = new Client("http://127.0.0.1:" + app.port());
            Client.Reply bad = client.get("/bad");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json()).containsEntry("field", "x").containsEntry("message", "x is wrong");
            Client.Reply boom = client.get("/boom");
            assertThat(boom.status()).isEqualTo(500);
            assertThat((String) boom.json().get("message")).contains("boom");
            Client.Reply missing = client.get("/nowhere");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json()).isNotNull();
        } finally {
            app.stop();
        }
    }

    @Test
    void mangledRequestsNeverGiveA500() throws Exception {
        WebConfig c = WebConfig.defaults().at("127.0.0.1", 0).withDataDir(data).withLimits(50, 1, 200, 30, 100_000);
        try (WebServer server = WebServer.start(c)) {
            Client client = new Client(server.url());
            String good = "{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"samples\": 10, \"seed\": 3, \"rescues\": false}";
            List<String> bodies = new ArrayList<>();
            Random rnd = new Random(11);
            for (int i = 0; i < 60; i++) {
                StringBuilder sb = new StringBuilder(good);
                int edits = 1 + rnd.nextInt(3);
                for (int k = 0; k < edits; k++) {
                    int at = rnd.nextInt(sb.length());
                    switch (rnd.nextInt(3)) {
                        case 0 -> sb.deleteCharAt(at);
                        case 1 -> sb.insert(at, "{}[]\",:0-e\\ null".charAt(rnd.nextInt(16)));
                        default -> sb.setLength(at);
                    }
                }
                bodies.add(sb.toString());
            }
            List<String> ids = new ArrayList<>();
            for (String path : List.of("/api/predict", "/api/treat")) {
                for (String b : bodies) {
                    Client.Reply r = client.post(path, b);
                    assertThat(r.status()).as(path + " " + b + " -> " + r.text()).isLessThan(500);
                    assertThat(r.json()).as(b).isNotNull();
                    if (r.status() == 202) {
                        ids.add((String) r.json().get("id"));
                    }
                }
            }
            for (String id : ids) {
                client.delete("/api/jobs/" + id);
            }
        }
    }
}
