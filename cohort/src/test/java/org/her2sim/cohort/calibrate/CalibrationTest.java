// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.validate.TestModels;
import org.her2sim.cohort.validate.ValidationData;
import org.her2sim.cohort.validate.ValidationRow;
import org.her2sim.engine.error.ModelException;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fit: lowers the training loss, reads no test row, is reproducible, and writes a fit the model loads. */
class CalibrationTest {
    @TempDir
    Path dir;

    // the baseline tumour is published sensitive to T-DM1 and resistant to trastuzumab: the fit must move rates to say so
    private static final String ROWS = TestModels.classRow("a", "training", "", "trastuzumab", "resistant")
        + TestModels.classRow("b", "training", "", "t_dm1", "sensitive")
        + TestModels.classRow("c", "test", ", {gene: PTEN, kind: loss}", "trastuzumab", "sensitive");

    private static Calibration.Options options() {
        return new Calibration.Options(3, new long[] {60, 120}, 24, 50, 2, 0.5, 4);
    }

    @Test
    void aFitLowersTheLossIsReproducibleAndLoads() throws IOException {
        TestModels.withRows(dir, ROWS);
        Catalog c = Catalog.load(dir);
        List<ValidationRow> training = ValidationData.load(c).rows(ValidationRow.TRAINING);
        assertThat(training).extracting(ValidationRow::id).containsExactly("a", "b");
        ModelRef model = ModelRef.directory(dir).with(c);
        Calibration.Result r = new Calibration(model, training, options()).run((s, n, l, b) -> { });
        assertThat(r.loss()).isLessThanOrEqualTo(r.startLoss());
        assertThat(r.rows()).containsExactly("a", "b");
        assertThat(r.fitted().keySet()).containsExactlyElementsOf(c.parameters().free().stream().map(Parameters.Parameter::name).toList());
        assertThat(r.ensemble()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        for (Map.Entry<String, Parameters.Fitted> e : r.fitted().entrySet()) {
            Parameters.Parameter p = c.parameters().require(e.getKey());
            Parameters.Fitted f = e.getValue();
            assertThat(f.value()).isBetween(p.lower(), p.upper());
            assertThat(f.lower()).isLessThanOrEqualTo(f.value());
            assertThat(f.upper()).isGreaterThanOrEqualTo(f.value());
            if (!f.constrained()) {
                // unconstrained: keeps its starting value, its interval is the prior
                assertThat(f.value()).isEqualTo(r.start().get(e.getKey()));
                assertThat(f.lower()).isEqualTo(p.lower());
            }
        }
        // the migration and angiogenesis rates cannot move a response score: the data leave them unconstrained
        assertThat(r.fitted().get("k_emt_mig").constrained()).isFalse();
        assertThat(r.fitted().get("k_vegf_angio").constrained()).isFalse();

        Calibration.Result again = new Calibration(model, training, options()).run((s, n, l, b) -> { });
        assertThat(again.loss()).isEqualTo(r.loss());
        assertThat(again.fitted()).isEqualTo(r.fitted());

        Files.writeString(dir.resolve(Parameters.FITTED), Calibration.yaml(r, Map.of("seed", "3")));
        Catalog fitted = Catalog.load(dir);
        assertThat(fitted.parameters().fitted().keySet()).isEqualTo(r.fitted().keySet());
        assertThat(fitted.parameters().ensemble()).hasSize(r.ensemble().size());
        Parameters.Fitted apo = fitted.parameters().fitted().get("k_apo");
        assertThat(fitted.config().variables().get("k_apo")).isEqualTo(apo.value());
        assertThat(apo.value()).isCloseTo(r.fitted().get("k_apo").value(), org.assertj.core.api.Assertions.within(1e-3 * apo.value()));
    }

    @Test
    void theFitRefusesTestRows() throws IOException {
        TestModels.withRows(dir, ROWS);
        Catalog c = Catalog.load(dir);
        List<ValidationRow> all = ValidationData.load(c).rows();
        assertThatThrownBy(() -> new Calibration(ModelRef.directory(dir).with(c), all, options())).isInstanceOf(ModelException.class)
            .hasMessageContaining("row c is a test row: the fit reads training rows only");
    }

    @Test
    void unitMappingIsLogUniformOverThePrior() {
        Parameters.Parameter p = new Parameters.Parameter("k", false, "", 0.1, 10, null);
        assertThat(Calibration.fromUnit(p, 0)).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Calibration.fromUnit(p, 0.5)).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Calibration.toUnit(p, Calibration.fromUnit(p, 0.3))).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
    }
}
