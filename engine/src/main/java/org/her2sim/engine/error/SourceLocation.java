// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.error;

/**
 * Where something was read: a file (or other named source such as {@code -e #2}), a line and a
 * column, both 1-based. A column of 0 means "the whole line"; a line of 0 means "the whole source".
 */
public record SourceLocation(String source, int line, int column) {

    /** A location that names only a source (a file, a command-line option, a field). */
    public static SourceLocation of(String source) {
        return new SourceLocation(source, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return source;
        }
        return column > 0 ? source + ":" + line + ":" + column : source + ":" + line;
    }
}
