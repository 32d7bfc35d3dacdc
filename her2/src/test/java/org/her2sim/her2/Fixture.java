// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Root;

/** The test catalog under {@code src/test/resources/fixture}, and edited copies of it. */
public final class Fixture {
    private static Catalog catalog;

    private Fixture() {
    }

    /** The fixture, loaded once from the classpath. */
    public static synchronized Catalog catalog() {
        if (catalog == null) {
            try {
                catalog = Catalog.load(Root.classpath("fixture/"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return catalog;
    }

    /** The fixture's directory (under target/test-classes). */
    public static Path dir() {
        try {
            return Path.of(Fixture.class.getClassLoader().getResource("fixture/response.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fixture into {@code to}. */
    public static Path copy(Path to) throws IOException {
        Path from = dir();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    /** Copies the fixture into {@code to} and replaces one exact text in one file. */
    public static Path edited(Path to, String file, String from, String with) throws IOException {
        copy(to);
        Path f = to.resolve(file);
        String text = Files.readString(f);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " has no '" + from + "'");
        }
        Files.writeString(f, text.replace(from, with));
        return to;
    }
}
