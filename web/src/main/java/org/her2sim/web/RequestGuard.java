// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests a browser makes for another site: a {@code Host} that is not this server's
 * (DNS rebinding: 421), an {@code Origin} of another site (403), and a POST or PUT that is not
 * {@code application/json} (415: an HTML form or a "simple" cross-site request cannot send it).
 * When the server listens on every interface (0.0.0.0 or ::), any host name is taken.
 */
final class RequestGuard {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");
    private final String bind;
    private final boolean anyHost;

    RequestGuard(WebConfig config) {
        this.bind = bare(config.bind());
        this.anyHost = bind.equals("0.0.0.0") || bind.equals("::");
    }

    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !allowed(hostName(host))) {
            throw new ApiException(421, "Host", "this server does not answer for host '" + (host == null ? "" : host) + "'"
                + " (use http://127.0.0.1 or the address it listens on)");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
            throw new ApiException(403, "Origin", "requests from another site (" + origin + ") are refused");
        }
        String method = ctx.method().name();
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            String type = ctx.header("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
                throw new ApiException(415, "Content-Type", "send the body as JSON, with Content-Type: application/json");
            }
        }
    }

    private boolean allowed(String name) {
        return anyHost || LOOPBACK.contains(name) || name.equals(bind);
    }

    /** The name in a Host header, without its port and brackets, lower case. */
    static String hostName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static String bare(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
    }
}
