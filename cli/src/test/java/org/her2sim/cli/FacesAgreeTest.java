// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.her2sim.web.WebConfig;
import org.her2sim.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI and the web run the same requests: one table of inputs, given to {@code her2sim treat}
 * / {@code predict} as options and to {@code POST /api/treat} / {@code /api/predict} as JSON, gives
 * the same result, or the same refusal (the same field, the same problem).
 */
class FacesAgreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir Path data) throws IOException {
        server = WebServer.start(WebConfig.defaults().at("127.0.0.1", 0).withDataDir(data));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A row: the command, its inputs as (field, value) pairs, and the field at fault (null when valid). */
    record Row(String command, List<Object[]> fields, String badField) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(command);
            fields.forEach(f -> sb.append(' ').append(f[0]).append('=').append(f[1]));
            return sb.toString();
        }
    }

    private static Row row(String command, String badField, Object... pairs) {
        List<Object[]> fields = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(new Object[] {pairs[i], pairs[i + 1]});
        }
        return new Row(command, fields, badField);
    }

    static Stream<Arguments> table() {
        String p = "pik3ca_mutant";
        return Stream.of(
            row("treat", null, "profile", p, "regimen", List.of("trastuzumab_q3w"), "months", 2, "seed", 3),
            row("treat", null, "profile", "trastuzumab_sensitive", "regimen", List.of("docetaxel_q3w", "herceptin"), "months", 1,
                "weight", 70.5, "ecd", 200.0, "metSites", 4, "delays", List.of("2:7"), "skips", List.of("3")),
            row("treat", null, "profile", p, "regimen", List.of("trastuzumab"), "months", 1, "metSites", 0),
            row("treat", "regimen", "profile", p, "regimen", List.of("nope")),
            row("treat", "regimen", "profile", p, "regimen", List.of("trastuzumab_q3w", "trastuzumab")),
            row("treat", "months", "profile", p, "regimen", List.of("trastuzumab"), "months", 0),
            row("treat", "months", "profile", p, "regimen", List.of("trastuzumab"), "months", 121),
            row("treat", "weight", "profile", p, "regimen", List.of("trastuzumab_q3w"), "weight", 19.5),
            row("treat", "ecd", "profile", p, "regimen", List.of("trastuzumab_q3w"), "ecd", 0.0),
            row("treat", "metSites", "profile", p, "regimen", List.of("trastuzumab_q3w"), "metSites", 21),
            row("treat", "metSites", "profile", p, "regimen", List.of("trastuzumab_q3w"), "metSites", -1),
            row("treat", "delays", "profile", p, "regimen", List.of("trastuzumab_q3w"), "delays", List.of("3:x")),
            row("treat", "skips", "profile", p, "regimen", List.of("docetaxel_q3w"), "skips", List.of("9")),
            row("treat", "skips", "profile", p, "regimen", List.of("trastuzumab"), "skips", List.of("2")),
            row("predict", null, "profile", p, "therapies", List.of("trastuzumab", "Herceptin"), "samples", 40, "seed", 5,
                "rescues", false),
            row("predict", "therapies", "profile", p, "therapies", List.of("aspirin")),
            row("predict", "samples", "profile", p, "therapies", List.of("trastuzumab"), "samples", 1),
            row("predict", "samples", "profile", p, "therapies", List.of("trastuzumab"), "samples", 0)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void bothFacesGiveTheSameResultOrTheSameError(Row row) throws Exception {
        MabossCommandTest.Run cli = MabossCommandTest.run(cliArgs(row));
        HttpResponse<String> posted = post("/api/" + row.command(), body(row).toString());
        if (row.badField() != null) {
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(400);
            JsonNode web = JSON.readTree(posted.body());
            assertThat(web.get("field").asText()).isEqualTo(row.badField());
            String message = web.get("message").asText();
            String prefix = "'" + row.badField() + "': ";
            assertThat(message).startsWith(prefix);
            assertThat(cli.code()).as(cli.err()).isEqualTo(2);
            assertThat(cli.err()).contains("option '" + Her2Input.option(row.badField()) + "': " + message.substring(prefix.length()));
            return;
        }
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode job = await(JSON.readTree(posted.body()).get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
        JsonNode fromCli = JSON.readTree(cli.out());
        JsonNode fromWeb = job.get("result");
        // the web adds fields of its own (time courses, PK series, warnings); every field the CLI writes is the same
        Iterator<String> names = fromCli.fieldNames();
        assertThat(names.hasNext()).isTrue();
        while (names.hasNext()) {
            String n = names.next();
            assertThat(numbers(fromWeb.get(n))).as(n).isEqualTo(numbers(fromCli.get(n)));
        }
    }

    private static String[] cliArgs(Row row) {
        List<String> args = new ArrayList<>(List.of(row.command(), "--json", "-t", "1"));
        for (Object[] f : row.fields()) {
            String field = (String) f[0];
            Object v = f[1];
            if (field.equals("rescues")) {
                if (!(Boolean) v) {
                    args.add("--no-rescues");
                }
            } else if (v instanceof List<?> list) {
                list.forEach(x -> args.addAll(List.of(Her2Input.option(field), x.toString())));
            } else {
                args.addAll(List.of(Her2Input.option(field), v.toString()));
            }
        }
        return args.toArray(String[]::new);
    }

    private static ObjectNode body(Row row) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Object[] f : row.fields()) {
            o.set((String) f[0], JSON.valueToTree(f[1]));
        }
        return o;
    }

    /** The tree with every number as a double, so 70 and 70.0 compare equal. */
    private static JsonNode numbers(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return JsonNodeFactory.instance.numberNode(n.doubleValue());
        }
        if (n.isArray()) {
            var a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(numbers(x)));
            return a;
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            n.fields().forEachRemaining(e -> o.set(e.getKey(), numbers(e.getValue())));
            return o;
        }
        return n;
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls a job until it ends (the job's own time limit ends a stuck one). */
    private static JsonNode await(String id) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "api/jobs/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            JsonNode j = JSON.readTree(r.body());
            String s = j.get("status").asText();
            if (!s.equals("queued") && !s.equals("running") && !s.equals("cancelling")) {
                return j;
            }
            Thread.sleep(100);
        }
    }
}
