// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.her2sim.engine.error.SourceLocation;

/** The bundled PK data, loaded once, and shortcuts for requests. */
final class PkFixture {
    private static PkData data;

    private PkFixture() {
    }

    static synchronized PkData data() {
        if (data == null) {
            try {
                data = PkData.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    /** A request by names; {@code model} null for the default. */
    static PkRequest request(String drug, String regimen, String model, Patient p, double days, Modifications mods) {
        SourceLocation at = SourceLocation.of("test");
        Drug d = data().drug(drug, at);
        Regimen r = data().regimen(d, regimen, at);
        return new PkRequest(d, data().model(d, r, model, at), r, p, days, mods);
    }

    static PkRequest request(String drug, String regimen, String model, Patient p, double days) {
        return request(drug, regimen, model, p, days, Modifications.NONE);
    }

    /** The shared anchors folder beside the clone ({@code -Dher2sim.shared} to move it). */
    static Path shared() {
        return Path.of(System.getProperty("her2sim.shared", "../../shared")).toAbsolutePath().normalize();
    }

    /** Asserts {@code model} is within {@code tolerance} (a fraction) of {@code published}. */
    static void assertWithin(double model, double published, double tolerance, String what) {
        double rel = (model - published) / published;
        assertThat(Math.abs(rel)).as("%s: model %.2f vs published %.2f (%+.1f%%)", what, model, published, 100 * rel)
            .isLessThanOrEqualTo(tolerance);
    }
}
