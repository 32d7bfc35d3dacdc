// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.exec;

/**
 * Told of each finished item, on the side that called the executor. Calls never overlap (an
 * executor serialises them), so an implementation need not be thread-safe; their order is the
 * order of completion, not of input.
 */
@FunctionalInterface
public interface Progress<R> {
    /**
     * An item finished.
     *
     * @param index its position in the input list
     */
    void done(int index, WorkItem<?> item, R result);

    /** Ignores every call. */
    static <R> Progress<R> none() {
        return (index, item, result) -> { };
    }
}
