// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.booleannet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.her2sim.formats.BioLqmFormat;
import org.her2sim.formats.SyntaxCheck;

/** The booleannet format, read and written by bioLQM (Boolean models only); syntax errors name their line and column. */
public final class BooleanNetFormat extends BioLqmFormat {
    /** Registered through {@link java.util.ServiceLoader}. */
    public BooleanNetFormat() {
        super("booleannet", "booleannet", List.of("booleannet", "booleannet.txt"));
    }

    @Override
    protected void check(byte[] content, String source) {
        SyntaxCheck.booleanNet(new String(content, StandardCharsets.UTF_8), source);
    }
}
