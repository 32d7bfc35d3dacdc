// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.booleannet;

import java.util.List;
import org.her2sim.formats.BioLqmFormat;

/** The booleannet format, read and written by bioLQM (Boolean models only). */
public final class BooleanNetFormat extends BioLqmFormat {
    /** Registered through {@link java.util.ServiceLoader}. */
    public BooleanNetFormat() {
        super("booleannet", "booleannet", List.of("booleannet", "booleannet.txt"));
    }
}
