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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

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

    /** Temporary files of every instance not yet committed or closed, deleted on SIGTERM or Ctrl-C. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(AtomicOutputs::deleteQuietly), "her2sim-tmp-cleanup"));
    }

    private final List<Path[]> pending = new ArrayList<>();
    private boolean committed;

    /**
     * Checks before any work that {@code target} can be written: its nearest existing folder is
     * a writable folder and the target itself is not a folder.
     *
     * @throws ModelException naming the target otherwise
     */
    public static void checkWritable(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw cannotWrite(target, "it is a directory");
        }
        Path dir = abs.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw cannotWrite(target, (dir == null ? "no folder" : dir + " is not a directory"));
        }
        try {
            // a real probe: permission bits say little to root or on special file systems
            Files.delete(Files.createTempFile(dir, ".her2sim-probe", ".tmp"));
        } catch (IOException | RuntimeException e) {
            throw cannotWrite(target, dir + " is not writable");
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw cannotWrite(target, "it is not writable");
        }
    }

    private static ModelException cannotWrite(Path target, String why) {
        return new ModelException(SourceLocation.of(target.toString()), "cannot write: " + why);
    }

    /** An I/O failure on {@code target}'s temporary file, told about the target. */
    private static ModelException failed(Path target, IOException e) {
        String why = e instanceof FileAlreadyExistsException f ? f.getFile() + " is in the way"
            : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return cannotWrite(target, why);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // best effort on the way out
        }
    }

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
        Path tmp;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        } catch (IOException e) {
            throw failed(target, e);
        }
        LIVE.add(tmp);
        readableByAll(tmp);
        pending.add(new Path[] {tmp, abs});
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            content.write(os);
        } catch (FileSystemException e) {
            throw failed(target, e);
        }
    }

    /** Like {@link #write}; the file appears executable by all (rwxr-xr-x), for scripts. */
    public void writeExecutable(Path target, Content content) throws IOException {
        write(target, content);
        Path tmp = pending.get(pending.size() - 1)[0];
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            if (!tmp.toFile().setExecutable(true, false)) {
                throw cannotWrite(target, "cannot make it executable");
            }
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
                try {
                    Files.move(p[0], p[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (FileSystemException e) {
                throw failed(p[1], e);
            }
            LIVE.remove(p[0]);
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
            LIVE.remove(p[0]);
        }
    }
}
