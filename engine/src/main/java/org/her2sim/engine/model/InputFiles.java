// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * Reads input files with located errors: a directory, an over-large file or text that is not
 * UTF-8 is refused naming the file (and the line and column of the bad byte). A UTF-8 byte-order
 * mark is dropped.
 */
public final class InputFiles {
    /** The largest text input read (model, configuration, profile, table): 256 MB. */
    public static final long MAX_TEXT_BYTES = 256L << 20;

    private InputFiles() {
    }

    /** The bytes of a regular file of at most {@code maxBytes}. */
    public static byte[] readBytes(Path file, long maxBytes) throws IOException {
        checkFile(file, maxBytes);
        return Files.readAllBytes(file);
    }

    /** The UTF-8 text of a regular file of at most {@link #MAX_TEXT_BYTES}, without a byte-order mark. */
    public static String readText(Path file) throws IOException {
        return readText(file, MAX_TEXT_BYTES);
    }

    /** The UTF-8 text of a regular file of at most {@code maxBytes}, without a byte-order mark. */
    public static String readText(Path file, long maxBytes) throws IOException {
        return decode(file.toString(), readBytes(file, maxBytes));
    }

    /**
     * Refuses a missing file, a directory and a file over {@code maxBytes}.
     *
     * @throws NoSuchFileException when nothing is there
     * @throws ModelException naming the file otherwise
     */
    public static void checkFile(Path file, long maxBytes) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ModelException(SourceLocation.of(file.toString()), "is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelException(SourceLocation.of(file.toString()), "is not a regular file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new ModelException(SourceLocation.of(file.toString()), "too large: " + size + " bytes (the limit is " + maxBytes + ")");
        }
    }

    /** Decodes UTF-8 strictly, dropping a byte-order mark; @throws ModelException at the first bad byte */
    public static String decode(String source, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ModelException(badByte(source, bytes), "not UTF-8 text (save the file as UTF-8)");
        }
    }

    /** The location of the first byte that is not part of valid UTF-8. */
    private static SourceLocation badByte(String source, byte[] bytes) {
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
            if (n == 0 || i + n > bytes.length || !valid(bytes, i, n)) {
                break;
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += n;
        }
        return new SourceLocation(source, line, column);
    }

    private static boolean valid(byte[] bytes, int at, int n) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, at, n));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
