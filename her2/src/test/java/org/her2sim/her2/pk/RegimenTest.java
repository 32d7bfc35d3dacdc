// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.her2sim.her2.pk.PkFixture.request;

import java.util.List;
import org.her2sim.engine.error.SourceLocation;
import org.junit.jupiter.api.Test;

/** Regimens laid out on the calendar: loading doses, infusions, delays and skipped cycles. */
class RegimenTest {
    static Regimen regimen(String drug, String word) {
        PkData d = PkFixture.data();
        return d.regimen(d.drug(drug, SourceLocation.of("test")), word, SourceLocation.of("test"));
    }

    @Test
    void q3wLoadsThenMaintainsWithTheLabelsInfusionTimes() {
        Schedule s = regimen("trastuzumab", "q3w").schedule(70, 63, Modifications.NONE);
        assertThat(s.doses()).extracting(Dose::time).containsExactly(0.0, 21.0, 42.0);
        assertThat(s.doses()).extracting(Dose::amount).containsExactly(560.0, 420.0, 420.0);
        assertThat(s.doses().get(0).duration()).isCloseTo(90 / 1440.0, within(1e-12));
        assertThat(s.doses().get(1).duration()).isCloseTo(30 / 1440.0, within(1e-12));
        assertThat(s.cycles()).extracting(Schedule.Cycle::dose).containsExactly("8 mg/kg", "6 mg/kg", "6 mg/kg");
    }

    @Test
    void regimensOfTheIssue() {
        assertThat(regimen("trastuzumab", "weekly").describe()).isEqualTo("4 -> 2 mg/kg IV every 7 days");
        assertThat(regimen("trastuzumab", "sc").describe()).isEqualTo("600 mg SC every 21 days");
        assertThat(regimen("herceptin", "sc").model()).isEqualTo("quartino2016");
        assertThat(regimen("pertuzumab", "q3w").describe()).isEqualTo("840 -> 420 mg IV every 21 days");
        assertThat(regimen("t_dm1", "q3w").describe()).isEqualTo("3.6 mg/kg IV every 21 days");
        assertThat(regimen("enhertu", null).describe()).isEqualTo("5.4 mg/kg IV every 21 days");
        assertThat(regimen("lapatinib", "daily").describe()).isEqualTo("1250 mg ORAL every day");
        assertThat(regimen("tucatinib", "bid").describe()).isEqualTo("300 mg ORAL 2 times a day every day");
        assertThat(regimen("neratinib", null).describe()).isEqualTo("240 mg ORAL every day");
        assertThat(regimen("taxane", "weekly").describe()).isEqualTo("80 mg/m2 IV every 7 days, 12 cycles");
        assertThat(regimen("docetaxel", "q3w").describe()).isEqualTo("75 mg/m2 IV every 21 days, 6 cycles");
    }

    @Test
    void aDelayShiftsThatCycleAndEveryLaterOne() {
        Modifications m = Modifications.parse(List.of("2:7"), List.of());
        Schedule s = regimen("trastuzumab", "q3w").schedule(70, 80, m);
        assertThat(s.cycles()).extracting(Schedule.Cycle::start).containsExactly(0.0, 28.0, 49.0, 70.0);
        assertThat(s.cycles().get(0).end()).isEqualTo(28.0);
    }

    @Test
    void aSkippedCycleGetsNoDoseAndTheFirstDoseGivenIsTheLoadingDose() {
        Schedule s = regimen("trastuzumab", "q3w").schedule(70, 63, Modifications.parse(List.of(), List.of("1")));
        assertThat(s.cycles().get(0).skipped()).isTrue();
        assertThat(s.doses()).extracting(Dose::time).containsExactly(21.0, 42.0);
        assertThat(s.doses()).extracting(Dose::amount).containsExactly(560.0, 420.0);
        assertThat(s.doses().get(0).duration()).isCloseTo(90 / 1440.0, within(1e-12));
    }

    @Test
    void aSkippedCycleLowersTheNextTroughAndDelaysLowerTheDelayedTrough() {
        Patient p = Patient.typical(70, Population.EBC);
        Profile plain = PkSimulator.profile(request("trastuzumab", "q3w", "bruno2005", p, 84));
        Profile skipped = PkSimulator.profile(request("trastuzumab", "q3w", "bruno2005", p, 84, Modifications.parse(List.of(), List.of("2"))));
        assertThat(skipped.trough(2)).isLessThan(plain.trough(2) * 0.6);
        assertThat(skipped.cycles().get(1).dose()).isEqualTo("skipped");
        Profile delayed = PkSimulator.profile(request("trastuzumab", "q3w", "bruno2005", p, 84, Modifications.parse(List.of("2:14"), List.of())));
        assertThat(delayed.trough(1)).isLessThan(plain.trough(1));
        assertThat(delayed.steadyStateTrough()).isEqualTo(plain.steadyStateTrough());
    }

    @Test
    void twiceDailyDosing() {
        Schedule s = regimen("tucatinib", "bid").schedule(70, 2, Modifications.NONE);
        assertThat(s.doses()).extracting(Dose::time).containsExactly(0.0, 0.5, 1.0, 1.5);
        assertThat(s.doses()).extracting(Dose::amount).containsOnly(300.0);
    }

    @Test
    void onOffExposureFollowsDosingDays() {
        Profile p = PkSimulator.profile(request("lapatinib", "daily", null, Patient.typical(70, null), 28,
            Modifications.parse(List.of("8:7"), List.of())));
        assertThat(p.onOff()).isTrue();
        assertThat(p.daysOn()).isEqualTo(21);
        assertThat(p.valueAt(3.5)).isEqualTo(1.0);
        assertThat(p.valueAt(9.5)).isEqualTo(0.0);
        Profile taxane = PkSimulator.profile(request("taxane", "q3w", null, Patient.typical(70, null), 42));
        assertThat(taxane.daysOn()).isEqualTo(2);
    }

    @Test
    void badDelaysAndSkipsNameTheirField() {
        assertThatThrownBy(() -> Modifications.parse(List.of("3"), List.of())).isInstanceOf(PkInputException.class)
            .hasMessageContaining("delay").hasMessageContaining("CYCLE:DAYS");
        assertThatThrownBy(() -> Modifications.parse(List.of("3:-2"), List.of())).hasMessageContaining("1 to 365 days");
        assertThatThrownBy(() -> Modifications.parse(List.of("0:2"), List.of())).hasMessageContaining("cycle number");
        assertThatThrownBy(() -> Modifications.parse(List.of(), List.of("x"))).isInstanceOf(PkInputException.class)
            .hasMessageStartingWith("skip: ");
        assertThatThrownBy(() -> regimen("taxane", "q3w").schedule(70, 200, Modifications.parse(List.of(), List.of("7"))))
            .isInstanceOf(PkInputException.class).hasMessageContaining("beyond the regimen's 6 cycles");
    }
}
