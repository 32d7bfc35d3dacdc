// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.sbml;

import java.util.List;
import org.her2sim.formats.BioLqmFormat;

/** The sbml format, read and written by bioLQM (Boolean models only). */
public final class SbmlQualFormat extends BioLqmFormat {
    /** Registered through {@link java.util.ServiceLoader}. */
    public SbmlQualFormat() {
        super("sbml", "sbml", List.of("sbml", "sbml.xml", "xml"));
    }
}
