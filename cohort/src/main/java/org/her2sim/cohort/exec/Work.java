// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.exec;

import java.io.Serializable;

/**
 * A pure function of a work item: the same item gives the same result on any thread, in any
 * order, on any machine. Any randomness must come from seeds derived from the run's seed and the
 * item (never from the thread or the order). Serializable so that a cluster executor can ship it;
 * caches belong in transient fields, rebuilt where it runs.
 */
@FunctionalInterface
public interface Work<I extends Serializable, R extends Serializable> extends Serializable {
    /** Computes the item's result. */
    R apply(WorkItem<I> item) throws Exception;
}
