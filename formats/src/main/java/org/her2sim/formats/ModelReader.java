// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a model file of one format. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface ModelReader {
    /**
     * Reads the file.
     *
     * @throws org.her2sim.engine.error.ModelException naming the file (and element or line) when its content is wrong
     * @throws IOException when it cannot be read
     */
    ModelDocument read(Path file) throws IOException;
}
