// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The requests fill in one set of defaults and refuse bad values naming the field. */
class RequestsTest {
    private static Her2Model model;
    private static Profile profile;

    @BeforeAll
    static void load() throws IOException {
        model = Her2Model.load();
        profile = ProfileReader.find("pik3ca_mutant", model.catalog());
    }

    private static TreatRequest.Input treat(List<String> regimen, Double weight, Long sites, List<String> delays, List<String> skips,
                                            Long months) {
        return new TreatRequest.Input(profile, regimen, weight, null, sites, delays, skips, months, null, false);
    }

    @Test
    void aTreatRequestTakesTheDefaults() {
        TreatRequest r = TreatRequest.of(model, treat(List.of("trastuzumab_q3w", "pertuzumab"), null, null, List.of(), List.of(), null));
        assertThat(r.months()).isEqualTo(TreatRequest.DEFAULT_MONTHS).isEqualTo(24);
        assertThat(r.days()).isEqualTo(24 * 365.25 / 12);
        assertThat(r.patient().weight()).isEqualTo(70);
        assertThat(r.patient().metastaticSites()).isEqualTo(1);
        assertThat(r.seed()).isEqualTo(model.catalog().config().seed());
        assertThat(r.regimen().therapies()).containsExactly("trastuzumab", "pertuzumab");
        assertThat(r.dosed()).extracting(x -> x.id()).containsExactly("trastuzumab_q3w");
        assertThat(r.continuous()).containsExactly("pertuzumab");
        // a continuous therapy acts fully from day 0; the dosed one through its PK, below 1
        assertThat(r.exposure().effect("pertuzumab", 10)).isEqualTo(1);
        assertThat(r.exposure().effect("pertuzumab", -1)).isZero();
        assertThat(r.exposure().effect("trastuzumab", 10)).isBetween(0.0, 1.0).isLessThan(1);
    }

    @Test
    void badTreatValuesNameTheirField() {
        List<String> q3w = List.of("trastuzumab_q3w");
        Object[][] cases = {
            {treat(List.of(), null, null, List.of(), List.of(), null), "regimen", "needs at least one"},
            {treat(List.of("nope"), null, null, List.of(), List.of(), null), "regimen", "unknown therapy 'nope'"},
            {treat(q3w, null, null, List.of(), List.of(), 0L), "months", "must be between 1 and 120, not 0"},
            {treat(q3w, null, null, List.of(), List.of(), 121L), "months", "must be between 1 and 120, not 121"},
            {treat(q3w, 19.5, null, List.of(), List.of(), 2L), "weight", "must be between 20 and 250 kg, not 19.5"},
            {treat(q3w, null, 21L, List.of(), List.of(), 2L), "metSites", "must be between 0 and 20, not 21"},
            {treat(q3w, null, null, List.of("3:x"), List.of(), 2L), "delays", "3:x"},
            {treat(List.of("pertuzumab"), null, null, List.of(), List.of("2"), 2L), "skips", "apply to dosing regimens"},
        };
        for (Object[] c : cases) {
            assertThatThrownBy(() -> TreatRequest.of(model, (TreatRequest.Input) c[0])).as((String) c[1]).isInstanceOf(RequestException.class)
                .satisfies(e -> {
                    assertThat(((RequestException) e).field()).isEqualTo(c[1]);
                    assertThat(((RequestException) e).problem()).contains((String) c[2]);
                    assertThat(e.getMessage()).startsWith("'" + c[1] + "': ");
                });
        }
    }

    @Test
    void aPredictRequestTakesTheDefaultsAndNamesEachTherapyOnce() {
        PredictRequest r = PredictRequest.of(model.catalog(), new PredictRequest.Input(profile, List.of("Herceptin", "trastuzumab"), null, null,
            true, false, false));
        assertThat(r.therapies()).containsExactly("trastuzumab");
        assertThat(r.samples()).isEqualTo(model.catalog().response().sampleCount());
        assertThat(r.seed()).isEqualTo(model.catalog().config().seed());
        assertThatThrownBy(() -> PredictRequest.of(model.catalog(), new PredictRequest.Input(profile, List.of("trastuzumab"), null, 1L, true,
            false, false))).isInstanceOf(RequestException.class).hasMessage("'samples': must be at least 2, not 1");
        assertThatThrownBy(() -> PredictRequest.of(model.catalog(), new PredictRequest.Input(profile, List.of(), null, null, true, false,
            false))).isInstanceOf(RequestException.class).hasMessageStartingWith("'therapies': ");
    }
}
