// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.her2sim.cohort.exec.LocalExecutor;
import org.her2sim.cohort.run.CohortRun;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.virtual.Cohort;
import org.her2sim.cohort.virtual.CohortFile;
import org.her2sim.cohort.virtual.CohortSampler;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.cohort.virtual.Setting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cohort runs, screens, reports and job progress over the API: results as the cohort module gives them, refusals naming the field. */
class CohortApiTest {
    static final int MAX_COHORT = 40;
    static final long MAX_SCREEN = 60;

    @TempDir
    static Path data;
    @TempDir
    static Path tmp;
    static WebServer server;
    static Client client;

    @BeforeAll
    static void start() throws Exception {
        WebConfig c = WebConfig.defaults().at("127.0.0.1", 0).withDataDir(data).withLimits(400, 2, 20, 300, 100_000)
            .withCohortLimits(MAX_COHORT, MAX_SCREEN);
        server = WebServer.start(c);
        client = new Client(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return (List<Map<String, Object>>) o;
    }

    static Map<String, Object> done(Client.Reply r) throws InterruptedException {
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        Map<String, Object> job = client.await((String) r.json().get("id"), 240);
        assertThat(job.get("status")).as(String.valueOf(job)).isEqualTo("done");
        assertThat(job.get("progress")).isEqualTo(1.0);
        return job;
    }

    static List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(TempCohort.PREFIX)).toList();
        }
    }

    @Test
    void aSampledCohortRunGivesWhatCohortRunGivesDirectly() throws Exception {
        List<String> before = leftovers();
        Map<String, Object> job = done(client.post("/api/cohort", "{\"size\": 20, \"cohortSeed\": 5, \"setting\": \"pretreated\","
            + " \"therapies\": [\"trastuzumab\"], \"samples\": 50, \"seed\": 11}"));
        Map<String, Object> result = map(job.get("result"));
        Map<String, Object> response = map(result.get("response"));
        assertThat(map(result.get("cohort"))).containsEntry("patients", 20).containsEntry("setting", "pretreated");
        assertThat(response).containsKeys("responseRate", "anyResponseRate", "subgroups", "nonResponse");
        assertThat(result.get("tumour")).isNull();

        // the same cohort and inputs straight through the cohort module
        Cohort cohort = new CohortSampler(PrevalenceModel.load()).sample(20, 5, Setting.PRETREATED, 1);
        Path dir = Files.createDirectories(tmp.resolve("direct"));
        Path file = dir.resolve("cohort.csv");
        StringWriter w = new StringWriter();
        CohortFile.write(cohort, w);
        Files.writeString(file, w.toString());
        CohortRun.Outcome direct = CohortRun.run(ModelRef.bundled(), new CohortRun.Request(file, CohortRun.Mode.THERAPY, List.of("trastuzumab"),
            11, 50, 24, false, null, 2, CohortWork.COMMAND), new LocalExecutor(1), new Progress(1));
        Map<String, Object> expected = Json.readMap(Json.write(Json.finite(org.her2sim.cohort.json.JsonTree.of(direct.summary()))));
        assertThat(response).isEqualTo(expected);
        assertThat(map(response.get("responseRate")).get("patients")).isEqualTo(20);
        assertThat(leftovers()).as("temporary cohort files are deleted").isEqualTo(before);
    }

    @Test
    void aDosedRegimenActsThroughEachPatientsPk() throws Exception {
        String body = "{\"size\": 8, \"cohortSeed\": 4, \"regimen\": [\"Trastuzumab_Q3W\", \"pertuzumab\"], \"months\": 6}";
        Client.Reply posted = client.post("/api/cohort", body);
        Map<String, Object> job = done(posted);
        Map<String, Object> run = map(map(map(job.get("result")).get("tumour")).get("run"));
        assertThat(client.get("/api/runs/" + posted.json().get("id") + "/report").text()).contains("By quartile of the trastuzumab");
        assertThat(run).containsEntry("dosing", "trastuzumab_q3w").containsEntry("regimen", "trastuzumab+pertuzumab")
            .containsEntry("pk_variability", "from the cohort's PK scores");
        String id = (String) posted.json().get("id");
        assertThat(map(client.get("/api/runs/" + id).json().get("inputs"))).containsEntry("regimen", List.of("trastuzumab_q3w", "pertuzumab"));
        Client.Reply twice = client.post("/api/cohort", "{\"size\": 8, \"regimen\": [\"trastuzumab_q3w\", \"trastuzumab\"]}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("field")).isEqualTo("regimen");
        assertThat(twice.json().get("message").toString()).contains("given twice");
    }

    @Test
    void anInlineCohortWithARegimenGivesKaplanMeierCurves() throws Exception {
        Cohort cohort = new CohortSampler(PrevalenceModel.load()).sample(12, 3, Setting.NAIVE, 1);
        StringWriter w = new StringWriter();
        CohortFile.write(cohort, w);
        String body = Json.write(Map.of("cohort", w.toString(), "therapies", List.of("trastuzumab"), "regimen", List.of("trastuzumab"),
            "months", 6, "samples", 40));
        Map<String, Object> job = done(client.post("/api/cohort", body));
        Map<String, Object> result = map(job.get("result"));
        assertThat(map(result.get("cohort"))).containsEntry("source", "cohort file").containsEntry("patients", 12);
        Map<String, Object> tumour = map(result.get("tumour"));
        assertThat(tumour).containsKeys("objectiveResponse", "timeToProgression", "km", "subgroups");
        List<Map<String, Object>> km = maps(tumour.get("km"));
        assertThat(km).isNotEmpty();
        double prev = 1;
        for (Map<String, Object> s : km) {
            double surv = ((Number) s.get("survival")).doubleValue();
            assertThat(surv).isBetween(0.0, prev);
            prev = surv;
        }
        for (Map<String, Object> g : maps(tumour.get("subgroups"))) {
            int patients = 0;
            for (String side : List.of("present", "absent")) {
                Map<String, Object> x = map(g.get(side));
                int n = ((Number) map(x.get("timeToProgression")).get("patients")).intValue();
                patients += n;
                // the curve of the group: its first step has everyone at risk
                List<Map<String, Object>> steps = maps(x.get("km"));
                assertThat(steps.isEmpty()).isEqualTo(n == 0);
                if (n > 0) {
                    assertThat(steps.get(0).get("atRisk")).isEqualTo(n);
                }
            }
            assertThat(patients).isEqualTo(12);
        }
        assertThat(map(result.get("response"))).containsKey("responseRate");
        String id = (String) job.get("id");
        Client.Reply report = client.get("/api/runs/" + id + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(report.text()).contains("Kaplan-Meier").contains("Response rate by subgroup").contains("<svg")
            .contains("Kaplan-Meier by ");
        selfContained(report.text());
        Client.Reply csv = client.get("/api/runs/" + id + "/download?format=csv");
        assertThat(csv.text()).startsWith("section,name,field,value\n").contains("response,all,responseRate,").contains("km,all,");
    }

    static void selfContained(String html) {
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=\"http").doesNotContain("@import");
    }

    @Test
    void aScreenRanksCombinationsWithSynergyAndAHeatmap() throws Exception {
        String yaml = "name: mine\nalterations:\n  - {gene: PTEN, kind: loss}\n";
        String body = Json.write(Map.of("profiles", List.of("pik3ca_mutant"), "profileYamls", List.of(yaml),
            "therapies", List.of("trastuzumab", "pertuzumab", "pi3k_inhibitor"), "samples", 40, "seed", 3));
        Map<String, Object> job = done(client.post("/api/screen", body));
        Map<String, Object> result = map(job.get("result"));
        List<Map<String, Object>> ranking = maps(result.get("ranking"));
        assertThat(ranking).hasSize(6);
        assertThat(ranking.get(0)).containsKeys("meanBlissExcess", "blissSe", "meanHsaExcess", "hsaSe");
        assertThat(maps(result.get("profiles"))).hasSize(2);
        Map<String, Object> heat = map(result.get("heatmap"));
        assertThat((List<?>) heat.get("therapies")).hasSize(3);
        List<?> bliss = (List<?>) heat.get("bliss");
        assertThat(bliss).hasSize(3);
        assertThat(((List<?>) bliss.get(0)).get(0)).isNull();
        for (Map<String, Object> r : ranking) {
            @SuppressWarnings("unchecked")
            List<String> c = (List<String>) r.get("combination");
            if (c.size() == 2) {
                List<?> ts = (List<?>) heat.get("therapies");
                Object cell = ((List<?>) bliss.get(ts.indexOf(c.get(0)))).get(ts.indexOf(c.get(1)));
                assertThat(((Number) cell).doubleValue()).isCloseTo(((Number) r.get("meanBlissExcess")).doubleValue(),
                    org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        String id = (String) job.get("id");
        Client.Reply report = client.get("/api/runs/" + id + "/report");
        assertThat(report.text()).contains("Mean Bliss excess").contains("Ranking");
        selfContained(report.text());
        assertThat(report.raw().headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
        Client.Reply file = client.get("/api/runs/" + id + "/report?download=true");
        assertThat(file.raw().headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains(".html");
        assertThat(file.text()).isEqualTo(report.text());
        Client.Reply bad = client.get("/api/runs/" + id + "/report?download=maybe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field")).isEqualTo("download");
        Client.Reply csv = client.get("/api/runs/" + id + "/download?format=csv");
        assertThat(csv.text()).startsWith("rank,combination,size,mean_score").contains("trastuzumab+pertuzumab");
        Map<String, Object> run = client.get("/api/runs/" + id).json();
        assertThat(run.get("kind")).isEqualTo("screen");
        assertThat(map(run.get("inputs"))).containsEntry("pairs", true);
    }

    @Test
    void aScreenOverASampledCohortWeighsProfilesByPatients() throws Exception {
        Map<String, Object> job = done(client.post("/api/screen", "{\"size\": 10, \"therapies\": [\"trastuzumab\", \"lapatinib\"],"
            + " \"samples\": 30}"));
        Map<String, Object> result = map(job.get("result"));
        int weights = maps(result.get("profiles")).stream().mapToInt(p -> ((Number) p.get("weight")).intValue()).sum();
        assertThat(weights).isEqualTo(10);
        assertThat(maps(result.get("ranking"))).hasSize(3);
    }

    @Test
    void predictionsReportTheirProgressAsAFraction() throws Exception {
        Client.Reply r = client.post("/api/predict", "{\"profile\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\"], \"samples\": 200}");
        assertThat(r.status()).isEqualTo(202);
        String id = (String) r.json().get("id");
        List<Double> seen = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            Map<String, Object> job = client.get("/api/jobs/" + id).json();
            if (job.get("progress") != null) {
                seen.add(((Number) job.get("progress")).doubleValue());
            }
            if (!List.of("queued", "running").contains(job.get("status"))) {
                assertThat(job.get("status")).isEqualTo("done");
                break;
            }
            Thread.sleep(20);
        }
        assertThat(seen).as("fractions between 0 and 1 while it ran").anySatisfy(p -> assertThat(p).isStrictlyBetween(0.0, 1.0));
        assertThat(seen).isSorted();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
        Client.Reply report = client.get("/api/runs/" + id + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text()).contains("Active mechanisms").contains("<svg");
        selfContained(report.text());
    }

    @Test
    void aTumourWithADosingRegimenHasDrugConcentrations() throws Exception {
        Map<String, Object> job = done(client.post("/api/treat", "{\"profile\": \"trastuzumab_sensitive\", \"regimen\": [\"trastuzumab_q3w\","
            + " \"docetaxel\"], \"months\": 3, \"weight\": 60}"));
        Map<String, Object> result = map(job.get("result"));
        Map<String, Object> pk = map(result.get("pk"));
        List<Map<String, Object>> conc = maps(pk.get("concentrations"));
        assertThat(conc).hasSize(1);
        assertThat(conc.get(0)).containsEntry("regimen", "trastuzumab_q3w").containsEntry("unit", "ug/mL");
        List<?> values = (List<?>) conc.get(0).get("values");
        assertThat(values).hasSameSizeAs((List<?>) conc.get(0).get("days"));
        assertThat(values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0)).isGreaterThan(50);
        Map<String, Object> effect = map(map(pk.get("effect")).get("therapies"));
        assertThat(effect.keySet()).containsExactly("trastuzumab", "taxane");
        assertThat((List<?>) effect.get("taxane")).allSatisfy(v -> assertThat(((Number) v).doubleValue()).isEqualTo(1.0));
        assertThat(result.get("regimen")).isEqualTo(List.of("trastuzumab", "taxane"));
        String id = (String) job.get("id");
        assertThat(map(client.get("/api/runs/" + id).json().get("inputs"))).containsEntry("regimen", List.of("trastuzumab_q3w", "taxane"));
        Client.Reply report = client.get("/api/runs/" + id + "/report");
        assertThat(report.text()).contains("trastuzumab_q3w").contains("Scans (RECIST)");
        selfContained(report.text());

        // ECD and metastatic sites are covariates of Bruno 2005, not of trastuzumab's default model (Quartino 2019: weight,
        // albumin, AST, liver metastases): they are taken and kept, and leave this model's concentrations as they were
        Map<String, Object> shed = done(client.post("/api/treat", "{\"profile\": \"trastuzumab_sensitive\", \"regimen\": [\"trastuzumab_q3w\","
            + " \"docetaxel\"], \"months\": 3, \"weight\": 60, \"ecd\": 500, \"metSites\": 4}"));
        Map<String, Object> shedPk = map(map(shed.get("result")).get("pk"));
        assertThat(shedPk).containsEntry("serumEcdNgMl", 500.0).containsEntry("metastaticSites", 4);
        List<?> low = (List<?>) maps(shedPk.get("concentrations")).get(0).get("values");
        assertThat(low).hasSameSizeAs(values);
        double lastLow = ((Number) low.get(low.size() - 1)).doubleValue();
        double lastTypical = ((Number) values.get(values.size() - 1)).doubleValue();
        assertThat(lastLow).isEqualTo(lastTypical);
        assertThat(map(client.get("/api/runs/" + shed.get("id")).json().get("inputs"))).containsEntry("ecd", 500.0).containsEntry("metSites", 4);

        // skipping cycle 2 leaves the concentration at day 42 (before cycle 3's dose) lower than on schedule
        Map<String, Object> skipped = done(client.post("/api/treat", "{\"profile\": \"trastuzumab_sensitive\", \"regimen\": [\"trastuzumab_q3w\","
            + " \"docetaxel\"], \"months\": 3, \"weight\": 60, \"skips\": [\"2\"], \"delays\": [\"3:7\"]}"));
        Map<String, Object> sc = maps(map(map(skipped.get("result")).get("pk")).get("concentrations")).get(0);
        List<?> days = (List<?>) sc.get("days");
        List<?> skippedValues = (List<?>) sc.get("values");
        int at = 0;
        while (((Number) days.get(at)).doubleValue() < 41.9) {
            at++;
        }
        assertThat(((Number) skippedValues.get(at)).doubleValue()).isLessThan(((Number) values.get(at)).doubleValue() / 2);
        assertThat(map(client.get("/api/runs/" + skipped.get("id")).json().get("inputs"))).containsEntry("skips", List.of("2"))
            .containsEntry("delays", List.of("3:7"));
    }

    @Test
    void reportsOfUnknownOrUnfinishedRunsAreRefused() throws Exception {
        assertThat(client.get("/api/runs/nope/report").status()).isEqualTo(404);
        Client.Reply r = client.post("/api/predict", "{\"profile\": \"jimt1_like\", \"therapies\": [\"trastuzumab\"], \"samples\": 400}");
        String id = (String) r.json().get("id");
        client.delete("/api/jobs/" + id);
        client.await(id, 60);
        Client.Reply rep = client.get("/api/runs/" + id + "/report");
        assertThat(rep.status()).isEqualTo(409);
        assertThat(rep.json().get("field")).isEqualTo("id");
    }

    @Test
    void badCohortAndScreenRequestsAre400NamingTheField() throws Exception {
        Cohort cohort = new CohortSampler(PrevalenceModel.load()).sample(MAX_COHORT + 1, 1, Setting.NAIVE, 1);
        StringWriter w = new StringWriter();
        CohortFile.write(cohort, w);
        String big = Json.write(w.toString());
        String good = w.toString();
        String badLine = good.replaceFirst("(P000002,)[01]", "$12");
        String[][] cases = {
            {"/api/cohort", "{\"size\": 10, \"therapies\": [\"aspirin\"]}", "therapies"},
            {"/api/cohort", "{\"size\": 10, \"regimen\": [\"nothing\"]}", "regimen"},
            {"/api/treat", "{\"profile\": \"pik3ca_mutant\", \"regimen\": [\"trastuzumab_q3w\"], \"ecd\": 0}", "ecd"},
            {"/api/treat", "{\"profile\": \"pik3ca_mutant\", \"regimen\": [\"trastuzumab_q3w\"], \"ecd\": \"high\"}", "ecd"},
            {"/api/treat", "{\"profile\": \"pik3ca_mutant\", \"regimen\": [\"trastuzumab_q3w\"], \"metSites\": 21}", "metSites"},
            {"/api/treat", "{\"profile\": \"pik3ca_mutant\", \"regimen\": [\"trastuzumab_q3w\"], \"delays\": [\"3-7\"]}", "delays"},
            {"/api/treat", "{\"profile\": \"pik3ca_mutant\", \"regimen\": [\"trastuzumab_q3w\"], \"skips\": [\"0\"]}", "skips"},
            {"/api/treat", "{\"profile\": \"pik3ca_mutant\", \"regimen\": [\"trastuzumab\"], \"skips\": [\"2\"]}", "skips"},
            {"/api/cohort", "{\"size\": 10}", "therapies"},
            {"/api/cohort", "{\"therapies\": [\"trastuzumab\"]}", "cohort"},
            {"/api/cohort", "{\"size\": " + (MAX_COHORT + 1) + ", \"therapies\": [\"trastuzumab\"]}", "size"},
            {"/api/cohort", "{\"size\": 0, \"therapies\": [\"trastuzumab\"]}", "size"},
            {"/api/cohort", "{\"size\": 10, \"setting\": \"adjuvant\", \"therapies\": [\"trastuzumab\"]}", "setting"},
            {"/api/cohort", "{\"cohort\": " + big + ", \"therapies\": [\"trastuzumab\"]}", "cohort"},
            {"/api/cohort", "{\"cohort\": " + Json.write(badLine) + ", \"therapies\": [\"trastuzumab\"]}", "cohort"},
            {"/api/cohort", "{\"cohort\": \"id,a\\n1,2\", \"therapies\": [\"trastuzumab\"]}", "cohort"},
            {"/api/cohort", "{\"cohort\": \"x\", \"size\": 3, \"therapies\": [\"trastuzumab\"]}", "cohort"},
            {"/api/cohort", "{\"cohort\": " + Json.write(good) + ", \"cohortSeed\": 3, \"therapies\": [\"trastuzumab\"]}", "cohortSeed"},
            {"/api/cohort", "{\"size\": 10, \"therapies\": [\"trastuzumab\"], \"months\": 1000}", "months"},
            {"/api/cohort", "{\"size\": 10, \"therapies\": [\"trastuzumab\"], \"samples\": 1}", "samples"},
            {"/api/cohort", "{\"size\": 10, \"therapies\": [\"trastuzumab\"], \"output\": \"/tmp/x\"}", "output"},
            {"/api/screen", "{\"profiles\": [\"pik3ca_mutant\"], \"therapies\": [\"trastuzumab\", \"aspirin\"]}", "therapies"},
            {"/api/screen", "{\"profiles\": [\"pik3ca_mutant\"], \"therapies\": [\"trastuzumab\"]}", "therapies"},
            {"/api/screen", "{\"profiles\": [\"pik3ca_mutant\"], \"therapies\": [\"trastuzumab\", \"Herceptin\"]}", "therapies"},
            {"/api/screen", "{\"profiles\": [\"pik3ca_mutant\"], \"therapies\": [\"trastuzumab\", \"lapatinib\"], \"pairs\": true,"
                + " \"triples\": true}", "triples"},
            {"/api/screen", "{\"profiles\": [\"nope\"], \"therapies\": [\"trastuzumab\", \"lapatinib\"]}", "profiles"},
            {"/api/screen", "{\"profiles\": [\"../../etc/passwd\"], \"therapies\": [\"trastuzumab\", \"lapatinib\"]}", "profiles"},
            {"/api/screen", "{\"profileYamls\": [\"alterations: [\"], \"therapies\": [\"trastuzumab\", \"lapatinib\"]}", "profileYamls"},
            {"/api/screen", "{\"profileYamls\": [\"mechanisms: [no_such]\"], \"therapies\": [\"trastuzumab\", \"lapatinib\"]}", "profileYamls"},
            {"/api/screen", "{\"therapies\": [\"trastuzumab\", \"lapatinib\"]}", "profiles"},
            {"/api/screen", "{\"profiles\": [\"pik3ca_mutant\"], \"size\": 5, \"therapies\": [\"trastuzumab\", \"lapatinib\"]}", "profiles"},
            {"/api/screen", "{\"size\": " + (MAX_COHORT + 1) + ", \"therapies\": [\"trastuzumab\", \"lapatinib\"]}", "size"},
            {"/api/screen", "{\"size\": 40, \"therapies\": [\"trastuzumab\", \"lapatinib\", \"pertuzumab\", \"tucatinib\", \"neratinib\"]}",
                "therapies"},
            {"/api/screen", "{\"profiles\": [\"pik3ca_mutant\"], \"therapies\": [\"trastuzumab\", \"lapatinib\"], \"triples\": true}",
                "therapies"},
            {"/api/screen", "{\"profiles\": \"pik3ca_mutant\", \"therapies\": [\"trastuzumab\", \"lapatinib\"], \"pairs\": \"yes\"}", "pairs"},
        };
        for (String[] c : cases) {
            Client.Reply r = client.post(c[0], c[1]);
            String shown = c[0] + " " + (c[1].length() > 100 ? c[1].substring(0, 100) + "..." : c[1]);
            assertThat(r.status()).as(shown + " -> " + r.text()).isEqualTo(400);
            assertThat(r.json().get("field")).as(shown + " -> " + r.text()).isEqualTo(c[2]);
            assertThat((String) r.json().get("message")).as(shown).isNotBlank().doesNotContain(TempCohort.PREFIX)
                .doesNotContain(System.getProperty("java.io.tmpdir") + "/");
        }
    }

    @Test
    void cancellingARunningCohortJobStopsItAndDeletesItsFile() throws Exception {
        List<String> before = leftovers();
        Client.Reply r = client.post("/api/cohort", "{\"size\": 40, \"cohortSeed\": 9, \"therapies\": [\"trastuzumab\"], \"samples\": 400,"
            + " \"rescues\": true}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        String id = (String) r.json().get("id");
        long end = System.currentTimeMillis() + 60_000;
        while (!"running".equals(client.get("/api/jobs/" + id).json().get("status")) && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        Client.Reply c = client.delete("/api/jobs/" + id);
        assertThat(c.status()).as(c.text()).isIn(200, 202);
        Map<String, Object> job = client.await(id, 120);
        assertThat(job.get("status")).isEqualTo("cancelled");
        assertThat(leftovers()).isEqualTo(before);
    }

    @Test
    void mangledCohortAndScreenBodiesNeverGiveA500() throws Exception {
        Cohort cohort = new CohortSampler(PrevalenceModel.load()).sample(4, 2, Setting.NAIVE, 1);
        StringWriter w = new StringWriter();
        CohortFile.write(cohort, w);
        java.util.Random rnd = new java.util.Random(5);
        List<String[]> bodies = new ArrayList<>();
        String cohortBody = "{\"size\": 3, \"cohortSeed\": 2, \"setting\": \"naive\", \"therapies\": [\"trastuzumab\"], \"samples\": 10}";
        String screenBody = "{\"profiles\": [\"pik3ca_mutant\"], \"therapies\": [\"trastuzumab\", \"lapatinib\"], \"samples\": 10}";
        for (int i = 0; i < 40; i++) {
            bodies.add(new String[] {"/api/cohort", mangle(cohortBody, rnd)});
            bodies.add(new String[] {"/api/screen", mangle(screenBody, rnd)});
            // a cohort file with a few characters changed, sent as well-formed JSON
            bodies.add(new String[] {"/api/cohort", Json.write(Map.of("cohort", mangle(w.toString(), rnd), "therapies", List.of("trastuzumab"),
                "samples", 10))});
        }
        List<String> ids = new ArrayList<>();
        for (String[] b : bodies) {
            Client.Reply r = client.post(b[0], b[1]);
            assertThat(r.status()).as(b[0] + " " + b[1] + " -> " + r.text()).isLessThan(500);
            assertThat(r.json()).as(b[1]).isNotNull();
            if (r.status() == 400) {
                assertThat((String) r.json().get("message")).doesNotContain(TempCohort.PREFIX);
            }
            if (r.status() == 202) {
                ids.add((String) r.json().get("id"));
            }
        }
        for (String id : ids) {
            client.delete("/api/jobs/" + id);
        }
        for (String id : ids) {
            assertThat(client.await(id, 120).get("status")).isIn("done", "cancelled");
        }
    }

    static String mangle(String good, java.util.Random rnd) {
        StringBuilder sb = new StringBuilder(good);
        int edits = 1 + rnd.nextInt(3);
        for (int k = 0; k < edits; k++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, "{}[]\",:0-e\\ null1#\n".charAt(rnd.nextInt(19)));
                default -> sb.setLength(at);
            }
        }
        return sb.toString();
    }

    @Test
    void storedInputsStartTheSameRunAgain() throws Exception {
        for (String[] c : new String[][] {
            {"/api/cohort", "{\"size\": 6, \"therapies\": [\"trastuzumab\"], \"samples\": 20}"},
            {"/api/screen", "{\"size\": 6, \"therapies\": [\"trastuzumab\", \"lapatinib\"], \"samples\": 20}"},
            {"/api/screen", "{\"profiles\": [\"pik3ca_mutant\"], \"therapies\": [\"trastuzumab\", \"lapatinib\", \"tucatinib\"],"
                + " \"triples\": true, \"samples\": 20}"}}) {
            Map<String, Object> first = done(client.post(c[0], c[1]));
            Map<String, Object> inputs = map(client.get("/api/runs/" + first.get("id")).json().get("inputs"));
            Map<String, Object> again = done(client.post(c[0], Json.write(inputs)));
            Map<String, Object> a = map(first.get("result"));
            Map<String, Object> b = map(again.get("result"));
            String key = c[0].endsWith("cohort") ? "response" : "ranking";
            assertThat(b.get(key)).as(c[1]).isEqualTo(a.get(key));
        }
    }

    @Test
    void aScreenOfBundledProfilesGivesWhatScreenGivesDirectly() throws Exception {
        List<String> profiles = List.of("pik3ca_mutant", "pten_null", "trastuzumab_sensitive");
        List<String> therapies = List.of("trastuzumab", "pertuzumab", "lapatinib");
        Map<String, Object> job = done(client.post("/api/screen", Json.write(Map.of("profiles", profiles, "therapies", therapies,
            "triples", true, "samples", 30, "seed", 4))));
        Map<String, Object> result = map(job.get("result"));
        org.her2sim.cohort.screen.Screen.Outcome direct = org.her2sim.cohort.screen.Screen.run(ModelRef.bundled(),
            new org.her2sim.cohort.screen.Screen.Request(profiles, null, therapies, 3, 4, 30, null, 2, "test"), new LocalExecutor(1),
            new Progress(1));
        Map<String, Object> expected = Json.readMap(Json.write(Json.finite(org.her2sim.cohort.json.JsonTree.of(direct.report().json()))));
        assertThat(result.get("ranking")).isEqualTo(expected.get("ranking"));
        assertThat(result.get("profiles")).isEqualTo(expected.get("profiles"));
        assertThat(maps(result.get("ranking"))).hasSize(7);
    }
}
