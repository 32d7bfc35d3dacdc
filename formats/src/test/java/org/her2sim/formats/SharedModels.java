// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the published models under {@code ../shared/models} (system property {@code her2sim.shared}); tests skip with a message without them. */
public final class SharedModels {
    private SharedModels() {
    }

    /** The path of a shared model file; skips the calling test, saying why, when it is absent. */
    public static Path require(String relative) {
        String root = System.getProperty("her2sim.shared");
        Path p = root == null ? null : Path.of(root, "models", relative);
        boolean present = p != null && Files.isRegularFile(p);
        if (!present) {
            System.err.println("SKIPPED: shared model " + relative + " not found (set -Dher2sim.shared=/path/to/shared)");
        }
        assumeTrue(present, () -> "shared model " + relative + " not found under her2sim.shared=" + root);
        return p;
    }

    /** The shared folder, or null when the property is not set. */
    public static Path root() {
        String root = System.getProperty("her2sim.shared");
        return root == null ? null : Path.of(root);
    }

    /**
     * Every logical model file under {@code models} and {@code conformance/maboss}, sorted; empty
     * when the shared folder is absent.
     */
    public static List<Path> logicalModelFiles() throws IOException {
        Path root = root();
        List<Path> out = new ArrayList<>();
        if (root == null || !Files.isDirectory(root)) {
            return out;
        }
        Path real = root.toRealPath();
        try (Stream<Path> s = Files.walk(real.resolve("models"))) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".bnet") || n.endsWith(".booleannet.txt") || n.endsWith("-model.sbml") || n.endsWith(".bnd");
            }).sorted().forEach(out::add);
        }
        try (Stream<Path> s = Files.walk(real.resolve("conformance/maboss"))) {
            s.filter(p -> p.getFileName().toString().equals("model.bnd") || p.getFileName().toString().equals("model.bnet"))
                .sorted().forEach(out::add);
        }
        return out;
    }
}
