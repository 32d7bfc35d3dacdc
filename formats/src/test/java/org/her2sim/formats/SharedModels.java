// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
