// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of the bundled HER2 model with validation rows written by a test. */
public final class TestModels {
    /** The bundled model's data (tests run in the cohort folder). */
    public static final Path BUNDLED = Path.of("../her2/src/main/resources/her2").toAbsolutePath().normalize();

    private TestModels() {
    }

    /** The bundled model copied into {@code dir}, its rows replaced by {@code rows} (a YAML list) and without a fit. */
    public static Path withRows(Path dir, String rows) throws IOException {
        try (Stream<Path> s = Files.walk(BUNDLED)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = dir.resolve(BUNDLED.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path rowsDir = dir.resolve(ValidationData.ROWS);
        try (Stream<Path> s = Files.list(rowsDir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.delete(p);
            }
        }
        Files.deleteIfExists(dir.resolve("network/fitted.yaml"));
        Files.deleteIfExists(dir.resolve(ValidationData.FLOORS));
        Files.writeString(rowsDir.resolve("rows.yaml"), rows);
        return dir;
    }

    /** A class row of the baseline profile (plus extra alterations) under one therapy. */
    public static String classRow(String id, String split, String alterations, String therapy, String label) {
        return "- id: " + id + "\n  split: " + split + "\n  group: cell_line\n"
            + "  source: {citation: \"Test\", pmid: \"12345678\"}\n  system: test line\n"
            + "  scenario:\n    profile: {alterations: [{gene: ERBB2, kind: amplified}" + alterations + "]}\n    therapies: [" + therapy + "]\n"
            + "  endpoint: growth_inhibition\n  comparison: class\n  published: {value: " + label + "}\n";
    }
}
