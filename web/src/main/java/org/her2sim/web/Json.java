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
