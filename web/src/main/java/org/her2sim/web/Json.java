// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out: one shared mapper, plain maps and lists. */
public final class Json {
    /** The mapper: duplicate keys are errors, nesting and strings are bounded. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private Json() {
    }

    /** Text of a value. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a request body. @throws ApiException 400 on malformed JSON */
    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.bad("body", "the request body must be a JSON object");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.bad("body", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Parses stored JSON into maps and lists. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(String text) {
        try {
            return MAPPER.readValue(text, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A copy of maps, lists and arrays made of plain JSON values: NaN and infinities become null
     * (JSON has no such numbers), {@code double[]} becomes a list.
     */
    @SuppressWarnings("unchecked")
    public static <T> T finite(T value) {
        return (T) clean(value);
    }

    private static Object clean(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), clean(x)));
            return out;
        }
        if (v instanceof java.util.Collection<?> c) {
            java.util.List<Object> out = new java.util.ArrayList<>(c.size());
            c.forEach(x -> out.add(clean(x)));
            return out;
        }
        if (v instanceof double[] a) {
            java.util.List<Object> out = new java.util.ArrayList<>(a.length);
            for (double x : a) {
                out.add(Double.isFinite(x) ? x : null);
            }
            return out;
        }
        return v;
    }

    /** Sends a value as JSON with a status. */
    public static void send(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(write(value));
    }

    /** The JSON body of an error. */
    public static Map<String, Object> error(int status, String field, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("field", field);
        m.put("message", message);
        return m;
    }
}
