// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rate constant is cited or free; the fit's file overrides the free ones; errors are located. */
class ParametersTest {
    private static final Path BUNDLED = Path.of("src/main/resources/her2").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void everyRateConstantIsCitedOrFreeWithAPriorHoldingItsStart() throws IOException {
        Catalog c = Catalog.load();
        Parameters ps = c.parameters();
        for (String v : c.config().variables().keySet()) {
            if (v.startsWith("k_")) {
                assertThat(ps.names()).as(v).contains(v);
            }
        }
        for (Parameters.Parameter p : ps.declared().values()) {
            assertThat(p.source()).as(p.name()).isNotBlank();
            if (!p.cited()) {
                assertThat(p.lower()).as(p.name()).isPositive().isLessThan(p.upper());
            }
        }
        assertThat(ps.declared().get("k_ecd_sink").cited()).isTrue();
        // a fit, when present, sets the configuration's value and an interval holding it
        ps.fitted().forEach((k, f) -> {
            assertThat(c.config().variables().get(k)).as(k).isEqualTo(f.value());
            assertThat(f.lower()).as(k).isLessThanOrEqualTo(f.value());
            assertThat(f.upper()).as(k).isGreaterThanOrEqualTo(f.value());
        });
    }

    @Test
    void withParametersChangesOnlyTheNamedRates() throws IOException {
        Catalog c = Catalog.load();
        Catalog d = c.withParameters(Map.of("k_apo", 2.5));
        assertThat(d.config().variables().get("k_apo")).isEqualTo(2.5);
        assertThat(d.config().variables().get("k_masked")).isEqualTo(c.config().variables().get("k_masked"));
        assertThat(c.config().variables().get("k_apo")).isNotEqualTo(2.5);
        assertThatThrownBy(() -> c.withParameters(Map.of("k_nope", 1.0))).isInstanceOf(ModelException.class).hasMessageContaining("no parameter 'k_nope'");
    }

    private void copyBundled() throws IOException {
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
        Files.deleteIfExists(dir.resolve(Parameters.FITTED));
    }

    @Test
    void anUndeclaredRateConstantIsAnError() throws IOException {
        copyBundled();
        Path f = dir.resolve(Parameters.FILE);
        Files.writeString(f, Files.readString(f).replaceAll("(?m)^  k_apo:.*\\n", ""));
        assertThatThrownBy(() -> Catalog.load(dir)).isInstanceOf(ModelException.class)
            .hasMessageContaining("parameter k_apo of network/her2.cfg is neither cited nor free");
    }

    @Test
    void aPriorThatMissesTheStartingValueIsLocated() throws IOException {
        copyBundled();
        Path f = dir.resolve(Parameters.FILE);
        Files.writeString(f, Files.readString(f).replace("k_apo: {status: free, prior: [0.25, 4]", "k_apo: {status: free, prior: [2, 4]"));
        assertThatThrownBy(() -> Catalog.load(dir)).isInstanceOf(ModelException.class).hasMessageContaining("parameters.yaml:")
            .hasMessageContaining("must be positive, increasing and hold the network/her2.cfg value 1");
    }

    @Test
    void aFittedValueOutsideItsPriorIsRefused() throws IOException {
        copyBundled();
        Files.writeString(dir.resolve(Parameters.FITTED), "parameters:\n  k_apo: {value: 9, interval: [8, 10], constrained: true}\n");
        assertThatThrownBy(() -> Catalog.load(dir)).hasMessageContaining("fitted.yaml:2:").hasMessageContaining("its prior [0.25, 4.0]");
        Files.writeString(dir.resolve(Parameters.FITTED), "parameters:\n  k_apo: {value: 2, interval: [1.5, 2.5], constrained: true}\n"
            + "ensemble:\n  - {k_apo: 1.5}\n  - {k_apo: 2.5}\n");
        Catalog c = Catalog.load(dir);
        assertThat(c.config().variables().get("k_apo")).isEqualTo(2.0);
        assertThat(c.parameters().ensemble()).hasSize(2);
    }
}
