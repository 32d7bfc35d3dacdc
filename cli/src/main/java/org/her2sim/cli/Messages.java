// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Error text for the terminal: one line, no control characters, file errors in words. */
final class Messages {
    private Messages() {
    }

    /** The text with control characters (but not tabs) shown as {@code \xNN} and long messages cut. */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 2000));
        for (int i = 0; i < text.length() && sb.length() < 2000; i++) {
            char c = text.charAt(i);
            if (c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                sb.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.length() < text.length() ? sb + " ..." : sb.toString();
    }

    /** An I/O failure in words, naming its file where it has one. */
    static String of(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + ": already exists (a file is in the way)";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? "cannot be read or written" : f.getReason());
        }
        if (e instanceof EOFException) {
            return "unexpected end of input (is a file truncated?)" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
