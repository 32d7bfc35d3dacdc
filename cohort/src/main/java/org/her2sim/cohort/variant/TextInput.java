// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

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
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
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
