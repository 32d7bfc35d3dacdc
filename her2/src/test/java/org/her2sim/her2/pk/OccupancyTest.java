// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Receptor occupancy from concentration, affinity, epitope availability and shed ECD. */
class OccupancyTest {
    @Test
    void unitsAndTheBindingIsotherm() {
        // 1 ug/mL of a 148 kDa antibody is 6.76 nM
        assertThat(Occupancy.nanomolar(1, 148)).isCloseTo(6.757, within(1e-3));
        assertThat(Occupancy.bound(0.1, 0.1)).isEqualTo(0.5);
        assertThat(Occupancy.bound(0, 0.1)).isZero();
        Occupancy.Result r = Occupancy.of(20, 148, 0.1, 0, Occupancy.Epitopes.ALL);
        assertThat(r.occupancy()).isCloseTo(135.1 / 135.2, within(1e-4));
    }

    @Test
    void maskingAndP95LowerOccupancy() {
        Occupancy.Result open = Occupancy.of(50, 148, 0.1, 0, Occupancy.Epitopes.ALL);
        Occupancy.Result masked = Occupancy.of(50, 148, 0.1, 0, new Occupancy.Epitopes(0, 0.6));
        Occupancy.Result p95 = Occupancy.of(50, 148, 0.1, 0, new Occupancy.Epitopes(0.3, 0));
        Occupancy.Result allP95 = Occupancy.of(50, 148, 0.1, 0, new Occupancy.Epitopes(1, 0));
        assertThat(masked.occupancy()).isCloseTo(0.4 * open.occupancy(), within(1e-12));
        assertThat(p95.occupancy()).isCloseTo(0.7 * open.occupancy(), within(1e-12));
        assertThat(allP95.occupancy()).isZero();
        assertThatThrownBy(() -> new Occupancy.Epitopes(1.2, 0)).isInstanceOf(PkInputException.class).hasMessageStartingWith("p95:");
    }

    @Test
    void shedEcdBindsAntibodyInSerum() {
        // 1 nM antibody against 1,880 ng/mL ECD (about 17.9 nM): nearly all bound
        double ecdNm = 1880 / Occupancy.ECD_KDA;
        double free = Occupancy.freeAntibody(1, ecdNm, 0.1);
        assertThat(free).isLessThan(0.01);
        // the root satisfies the equilibrium: free x free ECD = KD x complex
        double complex = 1 - free;
        assertThat(free * (ecdNm - complex)).isCloseTo(0.1 * complex, within(1e-9));
        // at trastuzumab's usual troughs ECD hardly matters
        Occupancy.Result usual = Occupancy.of(50, 148, 0.1, 200, Occupancy.Epitopes.ALL);
        assertThat(usual.ecdBoundFraction()).isBetween(0.001, 0.01);
        // but it takes the little left in a washed-out patient
        Occupancy.Result low = Occupancy.of(0.1, 148, 0.1, 1880, Occupancy.Epitopes.ALL);
        assertThat(low.occupancy()).isLessThan(Occupancy.of(0.1, 148, 0.1, 0, Occupancy.Epitopes.ALL).occupancy() / 5);
    }

    @Test
    void drugsWithoutAnAffinityHaveNoOccupancy() {
        Drug pertuzumab = PkFixture.data().drug("pertuzumab", null);
        assertThatThrownBy(() -> Occupancy.of(pertuzumab, 50, 0, Occupancy.Epitopes.ALL)).hasMessageContaining("no affinity");
        Drug tdm1 = PkFixture.data().drug("kadcyla", null);
        assertThat(Occupancy.of(tdm1, 10, 0, Occupancy.Epitopes.ALL).occupancy()).isGreaterThan(0.99);
    }
}
