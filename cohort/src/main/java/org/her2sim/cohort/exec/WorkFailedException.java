// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.exec;

/** A work item threw a checked exception; the cause is kept. Unchecked exceptions pass through as they are. */
public final class WorkFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public WorkFailedException(String key, Throwable cause) {
        super("work item '" + key + "': " + cause, cause);
        this.key = key;
    }

    /** The item's key. */
    public String key() {
        return key;
    }
}
