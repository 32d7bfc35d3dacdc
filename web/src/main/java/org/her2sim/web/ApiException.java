// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

/** A request the API refuses: its HTTP status, the field at fault (or null) and a message for people. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;

    public ApiException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** 400 naming the field. */
    public static ApiException bad(String field, String message) {
        return new ApiException(400, field, message);
    }

    /** 404 naming the field. */
    public static ApiException notFound(String field, String message) {
        return new ApiException(404, field, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
