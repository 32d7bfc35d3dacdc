// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint, its good answers and its refusals: 4xx naming the field, never a 500. */
class ApiTest {
    @TempDir
    static Path data;
    static WebServer server;
    static Client client;

    @BeforeAll
    static void start() throws Exception {
        WebConfig c = WebConfig.defaults().at("127.0.0.1", 0).withDataDir(data).withLimits(400, 2, 20, 120, 100_000);
        server = WebServer.start(c);
        client = new Client(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    @Test
    void modelHasNodesWithCompartmentsEdgesWithSignsMechanismsTherapiesAndProfiles() {
        Client.Reply r = client.get("/api/model");
        assertThat(r.status()).isEqualTo(200);
        List<Map<String, Object>> nodes = list(r.json(), "nodes");
        assertThat(nodes).hasSizeGreaterThan(100);
        assertThat(nodes).allSatisfy(n -> assertThat((String) n.get("compartment")).isNotBlank());
        assertThat(nodes).anySatisfy(n -> assertThat(n.get("compartment")).isEqualTo("ADC processing"));
        assertThat(list(r.json(), "edges")).allSatisfy(e -> assertThat(e.get("sign")).isIn("+", "-", "+/-", "0"));
        assertThat(list(r.json(), "mechanisms")).isNotEmpty();
        assertThat(list(r.json(), "therapies")).anySatisfy(t -> assertThat(t.get("id")).isEqualTo("trastuzumab"));
        assertThat((List<String>) r.json().get("profiles")).contains("pik3ca_mutant");
        assertThat((String) r.json().get("modelHash")).hasSize(64);
        assertThat(list(r.json(), "regimens")).anySatisfy(x -> assertThat(x).containsEntry("id", "trastuzumab_q3w")
            .containsEntry("therapy", "trastuzumab"));
        assertThat((Map<String, Object>) r.json().get("limits")).containsKeys("maxCohortSize", "maxScreenWork");
        assertThat((List<String>) r.json().get("settings")).containsExactly("naive", "pretreated");
    }

    @Test
    void evidenceOfANodeAMechanismAndATherapy() {
        Map<String, Object> node = client.get("/api/evidence/PTEN").json();
        assertThat(node.get("kind")).isEqualTo("node");
        assertThat(node.get("compartment")).isEqualTo("signalling");
        assertThat((String) node.get("section")).isNotBlank();
        assertThat((String) node.get("text")).startsWith("node PTEN");
        String mech = (String) list(client.get("/api/model").json(), "mechanisms").get(0).get("id");
        Map<String, Object> m = client.get("/api/evidence/" + mech).json();
        assertThat(m.get("kind")).isEqualTo("mechanism");
        assertThat((String) m.get("text")).startsWith("mechanism " + mech);
        Map<String, Object> t = client.get("/api/evidence/Herceptin").json();
        assertThat(t.get("kind")).isEqualTo("therapy");
        assertThat(t.get("id")).isEqualTo("trastuzumab");
    }

    @Test
    void unknownEvidenceIs404NamingTheField() {
        Client.Reply r = client.get("/api/evidence/NoSuchThing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("field")).isEqualTo("name");
        assertThat((String) r.json().get("message")).contains("NoSuchThing");
    }

    @Test
    void bundledProfileTextButNoPaths() {
        Client.Reply ok = client.get("/api/profiles/pik3ca_mutant");
        assertThat(ok.status()).isEqualTo(200);
        assertThat((String) ok.json().get("yaml")).contains("PIK3CA");
        for (String bad : List.of("nope", "..%2F..%2Fpom.xml", "%2Fetc%2Fpasswd", "pik3ca_mutant.yaml")) {
            Client.Reply r = client.get("/api/profiles/" + bad);
            assertThat(r.status()).as(bad).isEqualTo(404);
            assertThat(r.json()).as(bad).isNotNull();
        }
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        Client.Reply r = client.get("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) r.json().get("paths");
        assertThat(paths).containsOnlyKeys("/openapi.json", "/api/model", "/api/evidence/{name}", "/api/profiles/{name}", "/api/predict",
            "/api/treat", "/api/cohort", "/api/screen", "/api/jobs/{id}", "/api/runs", "/api/runs/{id}", "/api/runs/{id}/download",
            "/api/runs/{id}/report");
        assertThat((Map<String, Object>) paths.get("/api/jobs/{id}")).containsKeys("get", "delete");
    }

    @Test
    void predictRunsAsAJobAndIsStored() throws Exception {
        long before = System.currentTimeMillis();
        Client.Reply r = client.post("/api/predict", "{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"samples\": 40,"
            + " \"seed\": 7, \"rescues\": false}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        String id = (String) r.json().get("id");
        Map<String, Object> job = client.await(id, 120);
        long waited = System.currentTimeMillis() - before;
        assertThat(job.get("status")).as(String.valueOf(job)).isEqualTo("done");
        assertThat(job.get("progress")).isEqualTo(1.0);
        // the documented times, also once the job has ended: within what this test waited
        assertThat(job).containsKeys("queuedMs", "elapsedMs");
        long queued = ((Number) job.get("queuedMs")).longValue();
        long elapsed = ((Number) job.get("elapsedMs")).longValue();
        assertThat(queued).isNotNegative();
        assertThat(elapsed).isPositive();
        assertThat(queued + elapsed).isLessThanOrEqualTo(waited);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) job.get("result");
        assertThat(result.get("responseClass")).isIn("sensitive", "partial", "resistant");
        assertThat(result).containsKeys("phenotypes", "activeMechanisms", "rescues", "course");
        Map<String, Object> run = client.get("/api/runs/" + id).json();
        assertThat(run.get("status")).isEqualTo("done");
        assertThat(run.get("seed")).isEqualTo(7);
        assertThat((String) run.get("modelHash")).hasSize(64);
        assertThat((Map<String, Object>) run.get("inputs")).containsEntry("profile", "pik3ca_mutant").containsEntry("samples", 40);
        assertThat(list(client.get("/api/runs").json(), "runs")).anySatisfy(x -> assertThat(x.get("id")).isEqualTo(id));
        Client.Reply csv = client.get("/api/runs/" + id + "/download?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith("section,name,field,value\n").contains("phenotype,Proliferation,treated,");
        assertThat(csv.raw().headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        Client.Reply json = client.get("/api/runs/" + id + "/download?format=json");
        assertThat(json.json().get("id")).isEqualTo(id);
        assertThat(client.delete("/api/jobs/" + id).status()).isEqualTo(409);
    }

    @Test
    void predictTakesProfileYaml() throws Exception {
        String yaml = "name: mine\\nalterations:\\n  - {gene: PTEN, kind: loss}\\n";
        Client.Reply r = client.post("/api/predict", "{\"profileYaml\": \"" + yaml + "\", \"therapies\": \"T-DM1\", \"samples\": 20,"
            + " \"rescues\": false}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        Map<String, Object> job = client.await((String) r.json().get("id"), 120);
        assertThat(job.get("status")).isEqualTo("done");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) job.get("result");
        assertThat(result.get("profile")).isEqualTo("mine");
        assertThat(result.get("therapies")).isEqualTo(List.of("t_dm1"));
    }

    @Test
    void treatRunsAsAJobWithABurdenCurve() throws Exception {
        Client.Reply r = client.post("/api/treat", "{\"profile\": \"trastuzumab_sensitive\", \"regimen\": [\"trastuzumab\"], \"months\": 2}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        String id = (String) r.json().get("id");
        Map<String, Object> job = client.await(id, 120);
        assertThat(job.get("status")).as(String.valueOf(job)).isEqualTo("done");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) job.get("result");
        assertThat((List<?>) result.get("days")).hasSameSizeAs((List<?>) result.get("cells")).hasSizeGreaterThan(10);
        assertThat(result).containsKeys("bestResponse", "scans", "clones");
        Client.Reply csv = client.get("/api/runs/" + id + "/download?format=csv");
        assertThat(csv.text()).startsWith("day,cells");
    }

    @Test
    void badRequestsAre400NamingTheField() {
        Map<String, String> cases = Map.ofEntries(
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"aspirin\"]}", "therapies"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": []}", "therapies"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": [1]}", "therapies"),
            Map.entry("{\"profile\": \"pik3ca_mutant\"}", "therapies"),
            Map.entry("{\"profileYaml\": \"alterations: [\", \"therapies\": [\"trastuzumab\"]}", "profileYaml"),
            Map.entry("{\"profileYaml\": \"alterations:\\n  - {gene: NOPE1, kind: loss}\", \"therapies\": [\"trastuzumab\"]}", "profileYaml"),
            Map.entry("{\"profileYaml\": \"colour: red\", \"therapies\": [\"trastuzumab\"]}", "profileYaml"),
            Map.entry("{\"profileYaml\": \"- just\\n- a list\", \"therapies\": [\"trastuzumab\"]}", "profileYaml"),
            Map.entry("{\"profileYaml\": \"" + "x".repeat(70_000) + "\", \"therapies\": [\"trastuzumab\"]}", "profileYaml"),
            Map.entry("{\"profile\": \"../../../etc/passwd\", \"therapies\": [\"trastuzumab\"]}", "profile"),
            Map.entry("{\"profile\": \"nope\", \"therapies\": [\"trastuzumab\"]}", "profile"),
            Map.entry("{\"therapies\": [\"trastuzumab\"]}", "profile"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"profileYaml\": \"name: x\", \"therapies\": [\"trastuzumab\"]}", "profile"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"samples\": 1000000}", "samples"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"samples\": 0}", "samples"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"samples\": \"many\"}", "samples"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"seed\": 1.5}", "seed"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"seed\": 99999999999999999999999}", "seed"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"rescues\": \"yes\"}", "rescues"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"path\": \"/etc/passwd\"}", "path"),
            Map.entry("{\"profile\": 3, \"therapies\": [\"trastuzumab\"]}", "profile"),
            Map.entry("{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"]", "body"),
            Map.entry("[1, 2]", "body"),
            Map.entry("", "body"),
            Map.entry("{\"a\": 1, \"a\": 2}", "body"),
            Map.entry("not json", "body"));
        cases.forEach((body, field) -> {
            Client.Reply r = client.post("/api/predict", body);
            String shown = body.length() > 80 ? body.substring(0, 80) + "..." : body;
            assertThat(r.status()).as(shown + " -> " + r.text()).isEqualTo(400);
            assertThat(r.json().get("field")).as(shown + " -> " + r.text()).isEqualTo(field);
            assertThat((String) r.json().get("message")).isNotBlank();
        });
    }

    @Test
    void badTreatRequestsAre400NamingTheField() {
        Map<String, String> cases = Map.of(
            "{\"profile\": \"pik3ca_mutant\", \"regimen\": [\"trastuzumab\"], \"months\": 1000}", "months",
            "{\"profile\": \"pik3ca_mutant\", \"regimen\": [\"trastuzumab\"], \"months\": 0}", "months",
            "{\"profile\": \"pik3ca_mutant\", \"regimen\": [\"nothing\"]}", "regimen",
            "{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"]}", "therapies",
            "{\"profileYaml\": \"mechanisms: [no_such_mechanism]\", \"regimen\": [\"trastuzumab\"]}", "profileYaml");
        cases.forEach((body, field) -> {
            Client.Reply r = client.post("/api/treat", body);
            assertThat(r.status()).as(body + " -> " + r.text()).isEqualTo(400);
            assertThat(r.json().get("field")).as(body + " -> " + r.text()).isEqualTo(field);
        });
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"profileYaml\": \"" + "#".repeat(150_000) + "\", \"therapies\": [\"trastuzumab\"]}";
        Client.Reply r = client.post("/api/predict", big);
        assertThat(r.status()).as(r.text()).isEqualTo(413);
        assertThat(r.json().get("field")).isEqualTo("body");
    }

    @Test
    void unknownJobsRunsAndRoutesAreJson404() {
        for (String path : List.of("/api/jobs/nope", "/api/runs/nope", "/api/runs/nope/download", "/api/nothing-here")) {
            Client.Reply r = client.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json()).as(path + " " + r.text()).isNotNull();
        }
        assertThat(client.delete("/api/jobs/nope").status()).isEqualTo(404);
    }

    @Test
    void badQueryParametersAre400() {
        Client.Reply r = client.get("/api/runs?limit=lots");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field")).isEqualTo("limit");
        assertThat(client.get("/api/runs?limit=0").status()).isEqualTo(400);
        String id = (String) list(client.get("/api/runs").json(), "runs").stream().findFirst().map(x -> x.get("id")).orElse("none");
        if (!id.equals("none")) {
            Client.Reply f = client.get("/api/runs/" + id + "/download?format=xml");
            assertThat(f.status()).isEqualTo(400);
            assertThat(f.json().get("field")).isEqualTo("format");
        }
    }

    @Test
    void cancelAQueuedOrRunningJob() throws Exception {
        Client.Reply r = client.post("/api/predict", "{\"profile\": \"jimt1_like\", \"therapies\": [\"trastuzumab\"], \"samples\": 400}");
        assertThat(r.status()).isEqualTo(202);
        String id = (String) r.json().get("id");
        Client.Reply c = client.delete("/api/jobs/" + id);
        assertThat(c.status()).as(c.text()).isIn(200, 202);
        Map<String, Object> job = client.await(id, 60);
        assertThat(job.get("status")).isEqualTo("cancelled");
        assertThat(client.get("/api/runs/" + id).json().get("status")).isEqualTo("cancelled");
    }

    @Test
    void staticPagesAndWebJarsAreServed() {
        for (String path : List.of("/", "/scenario.html", "/history.html", "/cohort.html", "/cohort.js", "/screen.html", "/screen.js", "/app.js",
            "/app.css",
            "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")) {
            assertThat(client.get(path).status()).as(path).isEqualTo(200);
        }
    }
}
