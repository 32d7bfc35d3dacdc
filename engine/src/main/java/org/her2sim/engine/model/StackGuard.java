// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.model;

import java.util.function.Supplier;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * Runs a recursive walk over expressions and turns a stack overflow into a {@link ModelException}
 * naming the source. The parser limits depth, but a walk can go deeper (attributes inlined into
 * each other) or run on a thread with a small stack.
 */
public final class StackGuard {
    private StackGuard() {
    }

    /** The work's result; @throws ModelException at {@code at} if the work overflows the stack */
    public static <T> T run(SourceLocation at, Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            throw tooDeep(at);
        }
    }

    /** The error for a walk that overflowed the stack. */
    public static ModelException tooDeep(SourceLocation at) {
        return new ModelException(at, "expressions nested too deeply to process (simplify the deepest expression)");
    }
}
