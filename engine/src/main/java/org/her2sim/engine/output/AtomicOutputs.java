// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of output files written all-or-nothing: each is written to a temporary file beside its
 * target, and only {@link #commit()} moves them all into place. {@link #close()} without a commit
 * deletes the temporaries, so a failed run leaves no half-written output. Not thread-safe.
 */
public final class AtomicOutputs implements AutoCloseable {

    /** Writes one file's content. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content. */
        void write(Writer out) throws IOException;
    }

    /** Writes one file's bytes. */
    @FunctionalInterface
    public interface BinaryContent {
        /** Writes the content. */
        void write(OutputStream out) throws IOException;
    }

    private final List<Path[]> pending = new ArrayList<>();
    private boolean committed;

    /** Writes {@code target}'s content to a temporary file now; it appears at {@code commit()}. */
    public void write(Path target, Content content) throws IOException {
        writeBinary(target, os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            content.write(w);
            w.flush();
        });
    }

    /** Like {@link #write} for binary content (images). */
    public void writeBinary(Path target, BinaryContent content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        readableByAll(tmp);
        pending.add(new Path[] {tmp, abs});
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            content.write(os);
        }
    }

    /** Temporary files are created owner-only; outputs are ordinary files, rw-r--r--. */
    private static void readableByAll(Path tmp) {
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default permissions
        }
    }

    /** Moves every written file into place. */
    public void commit() throws IOException {
        for (Path[] p : pending) {
            try {
                Files.move(p[0], p[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Deletes any temporary file not committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Path[] p : pending) {
            try {
                Files.deleteIfExists(p[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
