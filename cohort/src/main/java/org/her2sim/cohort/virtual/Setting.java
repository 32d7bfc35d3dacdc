// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.util.Locale;

/** The treatment history a cohort is drawn for. */
public enum Setting {
    /** Not exposed to trastuzumab. */
    NAIVE,
    /** After trastuzumab failure: PIK3CA mutation and PTEN loss are enriched. */
    PRETREATED;

    /** The name as written in files and options: {@code naive}, {@code pretreated}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The setting of that name (any case), or null. */
    public static Setting of(String name) {
        for (Setting s : values()) {
            if (s.id().equalsIgnoreCase(name.strip())) {
                return s;
            }
        }
        return null;
    }
}
