// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cohort file the server writes for the cohort module, which reads cohorts from files: a fresh
 * temporary folder holding {@code cohort.csv}, deleted on close. Its place is chosen here, never by
 * a request, and messages never show it.
 */
final class TempCohort implements AutoCloseable {
    static final String PREFIX = "her2sim-web-";
    private static final Pattern PATH = Pattern.compile("\\S*" + PREFIX + "[^\\s/\\\\]*[/\\\\]cohort\\.csv");
    private final Path dir;
    private final Path file;

    private TempCohort(Path dir, Path file) {
        this.dir = dir;
        this.file = file;
    }

    /** Writes the text to a new temporary cohort file. */
    static TempCohort of(String text) throws IOException {
        Path dir = Files.createTempDirectory(PREFIX);
        Path file = dir.resolve("cohort.csv");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Files.deleteIfExists(dir);
            throw e;
        }
        return new TempCohort(dir, file);
    }

    Path file() {
        return file;
    }

    /** A message with the temporary file's path replaced by {@code cohort}. */
    static String hide(String message) {
        return message == null ? null : PATH.matcher(message).replaceAll(Matcher.quoteReplacement("cohort"));
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }
}
