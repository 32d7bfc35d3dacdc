// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routes that run things: predict and treat jobs, their status and cancellation, and the run history. */
final class RunApi {
    private final ModelService model;
    private final WebConfig config;
    private final Jobs jobs;
    private final RunStore store;

    RunApi(ModelService model, WebConfig config, Jobs jobs, RunStore store) {
        this.model = model;
        this.config = config;
        this.jobs = jobs;
        this.store = store;
    }

    void register(RoutesConfig r) {
        r.post("/api/predict", this::predict);
        r.post("/api/treat", this::treat);
        r.post("/api/cohort", this::cohort);
        r.post("/api/screen", this::screen);
        r.get("/api/jobs/{id}", this::job);
        r.delete("/api/jobs/{id}", this::cancel);
        r.get("/api/runs", this::runs);
        r.get("/api/runs/{id}", ctx -> Json.send(ctx, 200, run(ctx.pathParam("id"))));
        r.get("/api/runs/{id}/download", this::download);
        r.get("/api/runs/{id}/report", this::report);
    }

    private void predict(Context ctx) {
        Inputs.Predict in = Inputs.predict(ctx.body(), model, config);
        Job job = jobs.submit("predict", in.profile().profile().name(), in.request().therapies(), in.request().seed(), in.toMap(),
            progress -> Work.predict(model, in, config.threads(), progress));
        accepted(ctx, job);
    }

    private void treat(Context ctx) {
        Inputs.Treat in = Inputs.treat(ctx.body(), model, config);
        Job job = jobs.submit("treat", in.profile().profile().name(), in.request().regimen().therapies(), in.request().seed(), in.toMap(),
            progress -> Work.treat(model, in, config.threads(), progress));
        accepted(ctx, job);
    }

    private void cohort(Context ctx) {
        CohortInputs.CohortRequest in = CohortInputs.cohort(ctx.body(), model, config);
        int parts = (in.therapies().isEmpty() ? 0 : 1) + (in.regimen().isEmpty() ? 0 : 1);
        Job job = jobs.submit("cohort", in.cohort().describe(), in.all(), in.seed(), in.toMap(), parts,
            progress -> CohortWork.run(model, in, config.threads(), progress));
        accepted(ctx, job);
    }

    private void screen(Context ctx) {
        CohortInputs.ScreenRequest in = CohortInputs.screen(ctx.body(), model, config);
        Job job = jobs.submit("screen", in.describe(), in.therapies(), in.seed(), in.toMap(),
            progress -> ScreenRun.run(model, in, config.threads(), progress));
        accepted(ctx, job);
    }

    private void report(Context ctx) {
        Map<String, Object> run = run(ctx.pathParam("id"));
        if (run.get("result") == null) {
            throw new ApiException(409, "id", "run " + run.get("id") + " has no result (status " + run.get("status") + ")");
        }
        String base = "her2sim-" + run.get("kind") + "-" + String.valueOf(run.get("id")).substring(0, 8);
        String download = ctx.queryParam("download");
        if (download != null && !download.equals("true") && !download.equals("false")) {
            throw ApiException.bad("download", "'download' must be true or false, not '" + download + "'");
        }
        // shown in the browser unless download=true asks for a file
        ctx.header("Content-Disposition", ("true".equals(download) ? "attachment" : "inline") + "; filename=\"" + base + ".html\"");
        ctx.contentType("text/html; charset=utf-8").result(Report.of(run, model.her2().tumour().scanIntervalDays()));
    }

    private static void accepted(Context ctx, Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("kind", job.kind());
        m.put("status", job.status());
        m.put("job", "/api/jobs/" + job.id());
        m.put("run", "/api/runs/" + job.id());
        ctx.header("Location", "/api/jobs/" + job.id());
        Json.send(ctx, 202, m);
    }

    private void job(Context ctx) {
        String id = ctx.pathParam("id");
        Job live = jobs.get(id);
        if (live != null) {
            Json.send(ctx, 200, live.view());
            return;
        }
        Map<String, Object> run = run(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", run.get("kind"));
        m.put("status", run.get("status"));
        m.put("progress", "done".equals(run.get("status")) ? 1.0 : null);
        RunStore.Times t = store.times(id);
        m.put("queuedMs", t == null ? null : t.queuedMs());
        m.put("elapsedMs", t == null ? null : t.elapsedMs());
        m.put("error", run.get("error"));
        m.put("result", run.get("result"));
        Json.send(ctx, 200, m);
    }

    private void cancel(Context ctx) {
        String id = ctx.pathParam("id");
        String before = jobs.cancel(id);
        if (before == null) {
            Map<String, Object> run = run(id);
            throw new ApiException(409, "id", "job " + id + " has ended already (status " + run.get("status") + ")");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("status", before.equals("queued") ? "cancelled" : before.equals("running") ? "cancelling" : before);
        Json.send(ctx, before.equals("running") ? 202 : 200, m);
    }

    private void runs(Context ctx) {
        String limit = ctx.queryParam("limit");
        int n = 100;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > 1000) {
                throw ApiException.bad("limit", "'limit' must be a whole number from 1 to 1000, not '" + limit + "'");
            }
        }
        Json.send(ctx, 200, Map.of("runs", store.list(n)));
    }

    private Map<String, Object> run(String id) {
        Map<String, Object> run = store.get(id);
        if (run == null) {
            throw ApiException.notFound("id", "no run or job '" + id + "'");
        }
        return run;
    }

    private void download(Context ctx) {
        Map<String, Object> run = run(ctx.pathParam("id"));
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        String base = "her2sim-" + run.get("kind") + "-" + String.valueOf(run.get("id")).substring(0, 8);
        switch (format) {
            case "json" -> {
                ctx.header("Content-Disposition", "attachment; filename=\"" + base + ".json\"");
                Json.send(ctx, 200, run);
            }
            case "csv" -> {
                String csv = Csv.of(run);
                ctx.header("Content-Disposition", "attachment; filename=\"" + base + ".csv\"");
                ctx.contentType("text/csv; charset=utf-8").result(csv);
            }
            default -> throw ApiException.bad("format", "'format' must be json or csv, not '" + format + "'");
        }
    }
}
