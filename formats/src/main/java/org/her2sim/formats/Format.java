// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import java.util.List;
import java.util.Optional;

/**
 * A model file format, found through {@link java.util.ServiceLoader} (see {@link FormatRegistry}).
 * Capabilities are explicit: a format may only read, only write, or both.
 */
public interface Format {
    /** The short name used on command lines, such as {@code bnet}. */
    String id();

    /** File name endings, without the dot and lower case, such as {@code bnet}; the first is the one written. */
    List<String> extensions();

    /** The reader, when the format can be read. */
    Optional<ModelReader> reader();

    /** The writer, when the format can be written. */
    Optional<ModelWriter> writer();
}
