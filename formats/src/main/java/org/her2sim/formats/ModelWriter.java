// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import java.io.IOException;
import java.nio.file.Path;
import org.her2sim.engine.output.AtomicOutputs;

/**
 * Writes a model in one format. Every file goes through {@link AtomicOutputs}, so nothing
 * appears until the caller commits. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface ModelWriter {
    /**
     * Writes the model to {@code file} (and any companion file beside it) through {@code outs}.
     *
     * @throws org.her2sim.engine.error.ModelException when the model cannot be expressed in the format
     * @throws IOException when a file cannot be written
     */
    void write(ModelDocument model, Path file, AtomicOutputs outs) throws IOException;
}
