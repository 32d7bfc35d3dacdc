// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.sbml;

import java.io.IOException;
import java.util.List;
import org.her2sim.formats.BioLqmFormat;
import org.her2sim.formats.SyntaxCheck;

/** The sbml format, read and written by bioLQM (Boolean models only); malformed XML names its line and column. */
public final class SbmlQualFormat extends BioLqmFormat {
    /** Registered through {@link java.util.ServiceLoader}. */
    public SbmlQualFormat() {
        super("sbml", "sbml", List.of("sbml", "sbml.xml", "xml"));
    }

    @Override
    protected void check(byte[] content, String source) throws IOException {
        SyntaxCheck.xml(content, source);
    }
}
