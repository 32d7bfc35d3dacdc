// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

/** A bad value given by a caller (not read from a data file), naming the field it belongs to. */
public class PkInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * @param field the field, as in {@link Patient} or {@link Modifications} (e.g. {@code weight}, {@code delay})
     * @param message what is wrong, without the field name
     */
    public PkInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field with the bad value. */
    public String field() {
        return field;
    }

    /** The message without the field name. */
    public String problem() {
        return getMessage().substring(field.length() + 2);
    }
}
