// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.model.InputFiles;

/** Opens a text file that may be gzip- or bgzip-compressed (found by its magic bytes, not its name). */
final class TextInput {
    private TextInput() {
    }

    /** A reader of the file's text, decompressed when it starts with the gzip magic bytes. */
    static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(stream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** The file's bytes, decompressed when needed. A bgzip file is a series of gzip members, which GZIPInputStream reads in turn. */
    static InputStream stream(Path file) throws IOException {
        InputFiles.checkFile(file, Long.MAX_VALUE);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            return in;
        }
        try {
            return new Located(new GZIPInputStream(in, 1 << 16), file.toString());
        } catch (EOFException | ZipException e) {
            throw damaged(file.toString(), e);
        }
    }

    private static ModelException damaged(String file, IOException e) {
        return new ModelException(SourceLocation.of(file), "truncated or damaged gzip data (" + e.getMessage() + ")");
    }

    /** A gzip stream whose truncation or corruption is reported naming the file. */
    private static final class Located extends FilterInputStream {
        private final String file;

        Located(InputStream in, String file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException | ZipException e) {
                throw damaged(file, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (EOFException | ZipException e) {
                throw damaged(file, e);
            }
        }
    }

    /** The file name without {@code .gz} and the given extensions, for a sample name. */
    static String baseName(Path file, String... extensions) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        for (String e : extensions) {
            if (name.endsWith(e) && name.length() > e.length()) {
                return name.substring(0, name.length() - e.length());
            }
        }
        return name;
    }
}
