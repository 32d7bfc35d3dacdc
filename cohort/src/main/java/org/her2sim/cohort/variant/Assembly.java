// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import java.util.Locale;

/** Names the reference assembly a header line mentions. */
final class Assembly {
    static final String GRCH38 = "GRCh38";
    static final String GRCH37 = "GRCh37";

    private Assembly() {
    }

    /** {@value #GRCH38}, {@value #GRCH37}, or empty when the text names neither. */
    static String find(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("grch38") || t.contains("hg38") || t.contains("hs38")) {
            return GRCH38;
        }
        if (t.contains("grch37") || t.contains("hg19") || t.contains("b37") || t.contains("hs37") || t.contains("g1k_v37")) {
            return GRCH37;
        }
        return "";
    }
}
