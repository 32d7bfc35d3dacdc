// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.Locale;

/** The disease setting: early (EBC) or metastatic (MBC) breast cancer. */
public enum Population {
    EBC, MBC;

    /** Lower-case id, as typed and as in the data files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code ebc} or {@code mbc}, any case; null for anything else. */
    public static Population parse(String s) {
        for (Population p : values()) {
            if (p.id().equalsIgnoreCase(s.strip())) {
                return p;
            }
        }
        return null;
    }
}
