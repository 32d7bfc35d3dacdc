// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Root;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data files from a directory, from classpath folders, and from a jar (as in the shaded her2sim.jar). */
class RootTest {
    @TempDir
    Path dir;

    @Test
    void loadsAndListsFromAJar() throws Exception {
        Path jar = dir.resolve("data.jar");
        Path from = Fixture.dir();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                String name = "model/" + from.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : "");
                out.putNextEntry(new JarEntry(name.equals("model//") ? "model/" : name));
                if (!Files.isDirectory(p)) {
                    out.write(Files.readAllBytes(p));
                }
                out.closeEntry();
            }
        }
        Object fixtureGraph = Fixture.catalog().graph(); // loaded before the class loader below hides the fixture
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        try (URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            t.setContextClassLoader(cl);
            Root root = Root.classpath("model");
            assertThat(root.list("profiles", ".yaml")).containsExactly("profiles/baseline.yaml", "profiles/muc4.yaml", "profiles/pik3ca.yaml");
            assertThat(root.exists("response.yaml")).isTrue();
            assertThat(root.exists("nope.yaml")).isFalse();
            assertThatThrownBy(() -> root.read("nope.yaml")).isInstanceOf(NoSuchFileException.class);
            Catalog c = Catalog.load(root);
            assertThat(c.profileNames()).containsExactly("baseline", "muc4", "pik3ca");
            assertThat(c.graph()).isEqualTo(fixtureGraph);
        } finally {
            t.setContextClassLoader(old);
        }
    }

    @Test
    void missingFilesAreReportedByName() throws Exception {
        Fixture.copy(dir);
        Files.delete(dir.resolve("evidence.yaml"));
        assertThatThrownBy(() -> Catalog.load(dir)).isInstanceOf(NoSuchFileException.class).hasMessageContaining("evidence.yaml");
        assertThat(Root.classpath("nosuch/").list("profiles", ".yaml")).isEmpty();
        try (OutputStream o = Files.newOutputStream(dir.resolve("profiles/notes.txt"))) {
            o.write(1);
        }
        assertThat(Root.directory(dir).list("profiles", ".yaml")).hasSize(3);
    }

    @Test
    void anOverlayReplacesAndAddsFilesAndSharesTheCellModel() throws Exception {
        Catalog c = Catalog.load(Fixture.dir());
        Catalog o = c.withFiles(java.util.Map.of("response.yaml", "changed", "profiles/extra.yaml", "x: 1"));
        assertThat(o.root().read("response.yaml")).isEqualTo("changed");
        assertThat(o.root().read("mechanisms.yaml")).isEqualTo(c.root().read("mechanisms.yaml"));
        assertThat(o.root().exists("profiles/extra.yaml")).isTrue();
        assertThat(o.root().list("profiles", ".yaml")).containsAll(c.root().list("profiles", ".yaml")).contains("profiles/extra.yaml");
        assertThat(o.root().display("response.yaml")).isEqualTo("response.yaml (in memory)");
        assertThatThrownBy(() -> o.root().read("absent.yaml")).isInstanceOf(NoSuchFileException.class);
        // parsed data and cell-model results are shared: the overlay only serves files read later
        assertThat(o.response()).isSameAs(c.response());
        assertThat(o.cellCache()).isSameAs(c.cellCache());
        assertThat(c.withParameters(java.util.Map.of()).cellCache()).isNotSameAs(c.cellCache());
    }
}
