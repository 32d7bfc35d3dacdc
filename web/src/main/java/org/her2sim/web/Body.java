// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A JSON object from a request, read field by field; every mistake is a 400 naming the field. */
final class Body {
    private final JsonNode node;

    private Body(JsonNode node) {
        this.node = node;
    }

    /** Parses a request body that must be an object with only the allowed fields. */
    static Body of(String text, Set<String> allowed) {
        JsonNode n = Json.parse(text);
        if (!n.isObject()) {
            throw ApiException.bad("body", "the request body must be a JSON object, not " + n.getNodeType().toString().toLowerCase());
        }
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!allowed.contains(f)) {
                throw ApiException.bad(f, "unknown field '" + f + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return new Body(n);
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** A string field, or null when absent. */
    String string(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.bad(field, "'" + field + "' must be a string");
        }
        return v.textValue();
    }

    /** A whole-number field, or the fallback when absent. */
    long whole(String field, long fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.bad(field, "'" + field + "' must be a whole number");
        }
        return v.longValue();
    }

    /** A number field, or null when absent. */
    Double number(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw ApiException.bad(field, "'" + field + "' must be a number");
        }
        return v.doubleValue();
    }

    /** A boolean field, or the fallback when absent. */
    boolean flag(String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ApiException.bad(field, "'" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    /** A list of strings (a single string counts as a list of one); empty when absent. */
    List<String> strings(String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.textValue());
            return out;
        }
        if (!v.isArray()) {
            throw ApiException.bad(field, "'" + field + "' must be a list of strings");
        }
        for (JsonNode x : v) {
            if (!x.isTextual() || x.textValue().isBlank()) {
                throw ApiException.bad(field, "'" + field + "' must be a list of non-empty strings");
            }
            out.add(x.textValue());
        }
        return out;
    }
}
