// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-site requests (CSRF, DNS rebinding) are refused, and every error, Jetty's too, is the API's JSON. */
class RequestGuardTest {
    @TempDir
    static Path data;
    static WebServer server;

    @BeforeAll
    static void start() throws IOException {
        server = WebServer.start(WebConfig.defaults().at("127.0.0.1", 0).withDataDir(data).withLimits(50, 1, 20, 30, 100_000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Reply(int status, String contentType, Map<String, Object> json) { }

    /** Sends raw HTTP, so that any Host header can be given. */
    static Reply raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            String head = text.substring(0, text.indexOf("\r\n\r\n"));
            String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:")).map(l -> l.substring(13).strip()).findFirst().orElse("");
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            return new Reply(status, type, body.isBlank() ? null : Json.readMap(body));
        }
    }

    static String post(String host, String origin, String type, String body) {
        return "POST /api/predict HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
            + "Content-Type: " + type + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    }

    static final String BODY = "{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"samples\": 10}";

    @Test
    void aForeignHostIsRefused() throws IOException {
        Reply r = raw("GET /api/runs HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).isEqualTo(421);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json()).containsEntry("status", 421).containsEntry("field", "Host");
        assertThat(raw(post("evil.example", null, "application/json", BODY)).status()).isEqualTo(421);
        assertThat(raw("GET /api/runs HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    void aForeignOriginIsRefused() throws IOException {
        String host = "127.0.0.1:" + server.port();
        Reply r = raw(post(host, "https://evil.example", "application/json", BODY));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json()).containsEntry("field", "Origin");
        assertThat(raw(post(host, "http://" + host, "application/json", BODY)).status()).isEqualTo(202);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() throws IOException {
        String host = "127.0.0.1:" + server.port();
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            Reply r = raw(post(host, null, type, BODY));
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.json()).containsEntry("field", "Content-Type");
        }
        assertThat(raw(post(host, null, "application/json; charset=utf-8", BODY)).status()).isEqualTo(202);
    }

    @Test
    void jettysOwnErrorsAreJson() throws IOException {
        String host = "Host: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n";
        Reply longUri = raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host + "\r\n");
        assertThat(longUri.status()).isEqualTo(414);
        Reply bigHeader = raw("GET / HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        assertThat(bigHeader.status()).isEqualTo(431);
        Reply bad = raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nope\r\n\r\n");
        assertThat(bad.status()).isEqualTo(400);
        for (Reply r : new Reply[] {longUri, bigHeader, bad}) {
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.json()).containsEntry("status", r.status()).containsKey("message");
        }
    }

    @Test
    void decimalWeightsAreTaken() throws IOException {
        String body = "{\"profile\": \"trastuzumab_sensitive\", \"regimen\": [\"trastuzumab\"], \"months\": 1, \"weight\": 70.5}";
        Reply r = raw(post("127.0.0.1:" + server.port(), null, "application/json", body).replace("/api/predict", "/api/treat"));
        assertThat(r.status()).isEqualTo(202);
    }

    @Test
    void anAddressOfAnotherMachineIsRefusedBeforeListening() {
        assertThatThrownBy(() -> WebConfig.defaults().at("8.8.8.8", 0).check()).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("8.8.8.8 is not an address of this machine");
    }
}
