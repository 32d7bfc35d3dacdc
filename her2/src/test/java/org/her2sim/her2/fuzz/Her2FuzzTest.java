// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Root;
import org.her2sim.her2.profile.ProfileReader;

/**
 * Fuzz targets for the YAML the HER2 model reads: profiles, and each catalog file in place of the
 * bundled one. Any text is read or refused with a {@link ModelException}; nothing else may escape.
 * The normal test run replays {@code src/test/resources/org/her2sim/her2/fuzz/Her2FuzzTestInputs}.
 */
class Her2FuzzTest {
    private static final Catalog CATALOG = load();
    private static final List<String> FILES = List.of(Catalog.MECHANISMS, Catalog.THERAPIES, Catalog.GENES, Catalog.CONTEXT, Catalog.RESPONSE);

    private static Catalog load() {
        try {
            return Catalog.load();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void profile(byte[] data) {
        boolean lenient = data.length > 0 && (data[0] & 1) == 1;
        try {
            ProfileReader.parse("fuzz.yaml", "fuzz", new String(data, StandardCharsets.UTF_8)).resolve(CATALOG, lenient);
        } catch (ModelException e) {
            assertThat(e.getMessage()).startsWith("fuzz.yaml");
        }
    }

    /** The first byte picks the catalog file replaced by the rest. */
    @FuzzTest
    void catalog(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        String file = FILES.get((data[0] & 0xff) % FILES.size());
        String text = new String(Arrays.copyOfRange(data, 1, data.length), StandardCharsets.UTF_8);
        try {
            Catalog.load(new Swapped(Root.bundled(), file, text));
        } catch (ModelException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /** The bundled catalog with one file's text replaced. */
    private static final class Swapped extends Root {
        private final Root base;
        private final String file;
        private final String text;

        Swapped(Root base, String file, String text) {
            this.base = base;
            this.file = file;
            this.text = text;
        }

        @Override
        public String read(String name) throws IOException {
            return name.equals(file) ? text : base.read(name);
        }

        @Override
        public boolean exists(String name) {
            return base.exists(name);
        }

        @Override
        public List<String> list(String folder, String suffix) throws IOException {
            return base.list(folder, suffix);
        }

        @Override
        public String display(String name) {
            return base.display(name);
        }
    }
}
