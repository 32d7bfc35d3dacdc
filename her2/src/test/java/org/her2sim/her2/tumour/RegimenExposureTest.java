// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.pk.Drug;
import org.her2sim.her2.pk.Modifications;
import org.her2sim.her2.pk.Patient;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.pk.PkRequest;
import org.her2sim.her2.pk.PkSimulator;
import org.her2sim.her2.pk.Population;
import org.her2sim.her2.pk.Profile;
import org.her2sim.her2.pk.Regimen;
import org.junit.jupiter.api.Test;

class RegimenExposureTest {
    @Test
    void dailyEffectIsTheConcentrationAtMidDayThroughTheEc50() throws IOException {
        PkData pk = PkData.load();
        TumourParams params = TumourParams.load(Catalog.load());
        Regimen r = pk.regimens().get("trastuzumab_q3w");
        Drug d = pk.drugs().get(r.drug());
        Patient p = new Patient(70, 30.0, 2, null, null, false, Population.MBC);
        double days = 300;
        RegimenExposure e = RegimenExposure.of(pk, List.of(r), p, days, Modifications.NONE, params);
        // the PK profile's hourly grid holds every mid-day exactly
        Profile prof = PkSimulator.profile(new PkRequest(d, pk.model(d, r, null, null), r, p, days, Modifications.NONE));
        for (int day = 0; day < days; day++) {
            double c = prof.valueAt(day + 0.5);
            assertThat(e.effect("trastuzumab", day)).as("day " + day).isCloseTo(c / (c + params.antibodyEc50()), within(1e-9));
        }
        // the cycle-1 trough is the PK report's (loading dose 8 mg/kg, trough before the day-21 dose)
        assertThat(e.cycleOneTrough("trastuzumab")).isCloseTo(prof.trough(1), within(1e-9 * prof.trough(1)));
        assertThat(e.cycleOneTrough("pertuzumab")).isNaN();
        assertThat(e.effect("trastuzumab", -0.5)).isZero();
        assertThat(e.effect("pertuzumab", 5)).isZero();
    }

    @Test
    void fasterClearanceLowersEveryDayAfterTheFirstDose() throws IOException {
        PkData pk = PkData.load();
        TumourParams params = TumourParams.load(Catalog.load());
        List<Regimen> rs = List.of(pk.regimens().get("trastuzumab_q3w"), pk.regimens().get("docetaxel_q3w"));
        Patient p = Patient.typical(66, Population.MBC);
        RegimenExposure typical = RegimenExposure.of(pk, rs, p, m -> Map.of(), 200, Modifications.NONE, params);
        RegimenExposure fast = RegimenExposure.of(pk, rs, p, m -> Map.of("cl", 0.5), 200, Modifications.NONE, params);
        assertThat(fast.cycleOneTrough("trastuzumab")).isLessThan(typical.cycleOneTrough("trastuzumab"));
        assertThat(typical.cycleOneTrough("taxane")).isNaN();
        for (int day = 1; day < 200; day++) {
            assertThat(fast.effect("trastuzumab", day)).as("day " + day).isLessThan(typical.effect("trastuzumab", day));
            assertThat(fast.effect("taxane", day)).isEqualTo(typical.effect("taxane", day));
        }
    }
}
