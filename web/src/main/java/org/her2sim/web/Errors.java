// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error leaves as JSON {@code {status, field, message}}: refused requests keep their status, anything else is a 500. */
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static void register(RoutesConfig r) {
        r.exception(ApiException.class, (e, ctx) -> Json.send(ctx, e.status(), Json.error(e.status(), e.field(), e.getMessage())));
        r.exception(HttpResponseException.class, (e, ctx) -> {
            String field = e.getStatus() == 413 ? "body" : null;
            String msg = e.getStatus() == 413 ? "the request body is larger than the server's limit" : e.getMessage();
            Json.send(ctx, e.getStatus(), Json.error(e.getStatus(), field, msg));
        });
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
            Json.send(ctx, 500, Json.error(500, null, "internal error: " + e));
        });
        r.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (ctx.result() == null || ctx.result().isEmpty() || type == null || !type.startsWith("application/json")) {
                Json.send(ctx, 404, Json.error(404, null, "no such endpoint or file: " + ctx.method() + " " + ctx.path()));
            }
        });
    }
}
