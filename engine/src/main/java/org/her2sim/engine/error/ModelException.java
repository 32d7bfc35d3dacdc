// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.error;

/**
 * Any error in a model, a configuration or a run, with the place it comes from. The message
 * starts with the location, as compilers do: {@code model.bnd:12:5: expected ';' but found 'node'}.
 */
public class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SourceLocation location;

    /**
     * @param location where the problem is; may be null when there is no better place to name
     * @param message what is wrong and, where it helps, what was expected
     */
    public ModelException(SourceLocation location, String message) {
        super(location == null ? message : location + ": " + message);
        this.location = location;
    }

    /** The location of the problem, or null. */
    public SourceLocation location() {
        return location;
    }
}
