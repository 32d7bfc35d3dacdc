// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only routes: the model, the evidence of its parts, the bundled profiles and the OpenAPI document. */
final class ModelApi {
    private final ModelService model;
    private final String openApi;

    ModelApi(ModelService model) throws IOException {
        this.model = model;
        try (InputStream in = ModelApi.class.getResourceAsStream("/web/openapi.json")) {
            if (in == null) {
                throw new IOException("web/openapi.json is missing from the classpath");
            }
            this.openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void register(RoutesConfig r) {
        r.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        r.get("/api/model", ctx -> Json.send(ctx, 200, model.model()));
        r.get("/api/evidence/{name}", ctx -> Json.send(ctx, 200, model.evidence(ctx.pathParam("name"))));
        r.get("/api/profiles/{name}", this::profile);
    }

    private void profile(Context ctx) {
        String name = ctx.pathParam("name");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("yaml", model.profileText(name, "name"));
        Json.send(ctx, 200, m);
    }
}
