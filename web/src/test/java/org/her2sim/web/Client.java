// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the tests: JSON in, status and parsed JSON out. */
final class Client {
    /** A response: status, text and (when JSON) its map. */
    record Reply(int status, String text, Map<String, Object> json, HttpResponse<String> raw) { }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Client(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            Map<String, Object> json = type.startsWith("application/json") && r.body().startsWith("{") ? Json.readMap(r.body()) : null;
            return new Reply(r.statusCode(), r.body(), json, r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a job until it leaves queued/running/cancelling, for at most {@code seconds}. */
    Map<String, Object> await(String id, int seconds) throws InterruptedException {
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (true) {
            Reply r = get("/api/jobs/" + id);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            String s = (String) r.json().get("status");
            if (!s.equals("queued") && !s.equals("running") && !s.equals("cancelling")) {
                return r.json();
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("job " + id + " still " + s + " after " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
