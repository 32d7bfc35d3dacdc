// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.exec;

import java.io.Serializable;
import java.util.List;

/**
 * Runs independent work items and returns their results in input order. Implementations differ
 * only in where the work runs (local threads, a Spark cluster); since each {@link Work} is a pure
 * function of its item, every executor and thread count gives the same results.
 *
 * <p>A Spark executor (an optional module depending on {@code cohort}) implements this as
 * {@code parallelize(items).map(work::apply).collect()}, calling {@code progress} on the driver
 * as partitions come back: items, work and results are {@link Serializable} for that.
 */
public interface CohortExecutor {
    /** A short description for run metadata, e.g. {@code local (2 threads)}. */
    String name();

    /**
     * Runs every item.
     *
     * @param progress told of each finished item (calls never overlap)
     * @return the results, in the order of {@code items}
     * @throws RuntimeException when an item failed (of several, the one earliest in the input):
     *     an unchecked exception of the work as it was thrown, a checked one wrapped in
     *     {@link WorkFailedException}; items not started yet are then skipped
     */
    <I extends Serializable, R extends Serializable> List<R> run(List<WorkItem<I>> items, Work<I, R> work, Progress<? super R> progress);
}
