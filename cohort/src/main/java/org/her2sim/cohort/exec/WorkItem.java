// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.exec;

import java.io.Serializable;

/**
 * One independent unit of work: a key (unique within a run, stable across runs) and its input.
 *
 * @param key names the item, e.g. a profile key; used for resume files and messages
 * @param input what the work function reads
 */
public record WorkItem<I extends Serializable>(String key, I input) implements Serializable {
    private static final long serialVersionUID = 1L;
}
