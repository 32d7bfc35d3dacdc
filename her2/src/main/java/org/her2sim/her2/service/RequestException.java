// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.service;

import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.pk.PkInputException;

/**
 * A bad value in a request, naming its field as the JSON API does ({@code months}, {@code metSites},
 * {@code delays}); each face turns the field into its own word ({@code --met-sites} for the CLI).
 */
public final class RequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    /** @param problem what is wrong, without the field's name */
    public RequestException(String field, String problem) {
        super("'" + field + "': " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field with the bad value. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field's name. */
    public String problem() {
        return problem;
    }

    /** A model error about the field; its location is dropped when it only names the field. */
    static RequestException of(String field, ModelException e) {
        String m = e.getMessage();
        String prefix = field + ": ";
        return new RequestException(field, m.startsWith(prefix) ? m.substring(prefix.length()) : m);
    }

    /** A PK input error, its field named as the requests name it. */
    static RequestException of(PkInputException e) {
        String field = switch (e.field()) {
            case "metastatic_sites" -> "metSites";
            case "delay" -> "delays";
            case "skip" -> "skips";
            default -> e.field();
        };
        return new RequestException(field, e.problem());
    }
}
