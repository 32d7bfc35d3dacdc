// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import org.her2sim.her2.tumour.TumourParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tumour-level fit: tumour.yaml's free constants fitted to cohort rows, reusing every cell-model result. */
class TumourCalibrationTest {
    @TempDir
    Path dir;

    // trastuzumab + taxane against taxane alone, as Slamon 2001 (ORR 50% vs 32%), on a short follow-up
    private static final String ROWS = "- id: arms\n  split: training\n  group: clinical\n  source: {citation: T, pmid: \"12345678\"}\n"
        + "  system: s\n  scenario: {cohort: naive, regimen: [trastuzumab_q3w, docetaxel_q3w], months: 6}\n"
        + "  reference: {cohort: naive, regimen: [docetaxel_q3w], months: 6}\n"
        + "  endpoint: orr\n  comparison: ratio\n  published: {value: 1.56, measure: \"50% vs 32%\"}\n";

    private static Calibration.Options options() {
        return new Calibration.Options(5, new long[] {100}, 6, 20, 2, 0.05, 3);
    }

    @Test
    void aTumourFitMovesOnlyTumourConstantsReusesCellResultsAndLoads() throws IOException {
        TestModels.withRows(dir, ROWS);
        Catalog c = Catalog.load(dir);
        List<ValidationRow> rows = ValidationData.load(c).rows(ValidationRow.TRAINING);
        ModelRef model = ModelRef.directory(dir).with(c);
        Calibration.Space space = Calibration.Space.tumour(c);
        assertThat(space.free()).extracting(Parameters.Parameter::name)
            .containsExactly("apoptosis_kill", "immune_kill", "on_off_effect_half_life_days");
        TumourParams start = TumourParams.load(c);
        assertThat(space.start()).containsEntry("apoptosis_kill", start.apoptosisKill());

        int[] cached = new int[2];
        Calibration.Result r = new Calibration(model, rows, options(), space).run((stage, n, loss, best) -> {
            if (n == 1) {
                cached[0] = c.cellCache().size();
            }
            cached[1] = c.cellCache().size();
        });
        // the first evaluation ran every cell model the cohorts need; the others only ran tumours
        assertThat(cached[0]).isPositive();
        assertThat(cached[1]).isEqualTo(cached[0]);
        assertThat(r.loss()).isLessThanOrEqualTo(r.startLoss());
        assertThat(r.fitted().keySet()).containsExactly("apoptosis_kill", "immune_kill", "on_off_effect_half_life_days");
        for (Parameters.Parameter p : space.free()) {
            Parameters.Fitted f = r.fitted().get(p.name());
            assertThat(f.value()).isBetween(p.lower(), p.upper());
            assertThat(f.lower()).isLessThanOrEqualTo(f.value());
            assertThat(f.upper()).isGreaterThanOrEqualTo(f.value());
        }
        // the cell model did not move: the network's rate constants are those of the start
        assertThat(model.catalog().config().variables()).isEqualTo(c.config().variables());

        Calibration.Result again = new Calibration(model, rows, options(), Calibration.Space.tumour(c)).run((s, n, l, b) -> { });
        assertThat(again.fitted()).isEqualTo(r.fitted());
        assertThat(again.loss()).isEqualTo(r.loss());

        Files.writeString(dir.resolve(TumourParams.FITTED), Calibration.yaml(r, Map.of("seed", "5"), space.name()));
        Catalog fitted = Catalog.load(dir);
        TumourParams loaded = TumourParams.load(fitted);
        assertThat(TumourParams.fitted(fitted).keySet()).isEqualTo(r.fitted().keySet());
        assertThat(loaded.apoptosisKill()).isCloseTo(r.fitted().get("apoptosis_kill").value(), within(1e-3 * loaded.apoptosisKill()));
        assertThat(loaded.onOffEffectHalfLifeDays()).isCloseTo(r.fitted().get("on_off_effect_half_life_days").value(),
            within(1e-3 * loaded.onOffEffectHalfLifeDays()));
        // constants that are not free keep tumour.yaml's values
        assertThat(loaded.divisionMax()).isEqualTo(start.divisionMax());
        assertThat(loaded.antibodyEc50()).isEqualTo(start.antibodyEc50());
    }

    @Test
    void aFitNamingAConstantThatIsNotFreeIsRefusedWithItsLine() throws IOException {
        TestModels.withRows(dir, ROWS);
        Files.writeString(dir.resolve(TumourParams.FITTED), "parameters:\n  apoptosis_kill: {value: 0.03, interval: [0.02, 0.04], constrained: true}\n"
            + "  division_max: {value: 0.04, interval: [0.04, 0.04], constrained: true}\n");
        Catalog c = Catalog.load(dir);
        assertThatThrownBy(() -> TumourParams.load(c)).isInstanceOf(ModelException.class)
            .hasMessageContaining("tumour_fitted.yaml:3:")
            .hasMessageContaining("division_max: not a free constant of tumour.yaml");
    }

    @Test
    void aFittedValueOutsideItsPriorIsRefused() throws IOException {
        TestModels.withRows(dir, ROWS);
        Files.writeString(dir.resolve(TumourParams.FITTED), "parameters:\n  immune_kill: {value: 0.5, interval: [0.4, 0.6], constrained: true}\n");
        Catalog c = Catalog.load(dir);
        assertThatThrownBy(() -> TumourParams.load(c)).isInstanceOf(ModelException.class)
            .hasMessageContaining("tumour_fitted.yaml:2:").hasMessageContaining("must lie in its interval");
    }

    @Test
    void onlyTheListedConstantsMayBeDeclaredFree() throws IOException {
        TestModels.withRows(dir, ROWS);
        Path t = dir.resolve(TumourParams.FILE);
        Files.writeString(t, Files.readString(t) + "  scan_interval_days:\n    prior: [21, 84]\n    reason: r\n");
        Catalog c = Catalog.load(dir);
        assertThatThrownBy(() -> TumourParams.free(c)).isInstanceOf(ModelException.class)
            .hasMessageContaining("scan_interval_days: only division_max, apoptosis_kill");
    }
}
