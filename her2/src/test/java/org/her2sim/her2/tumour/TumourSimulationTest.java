// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tumour dynamics on the bundled model: growth calibration, the behaviours, determinism. */
class TumourSimulationTest {
    static final long SEED = 11;
    static final double YEAR = 365.25;
    static Catalog catalog;
    static TumourParams params;

    @BeforeAll
    static void load() throws IOException {
        catalog = Catalog.load();
        params = TumourParams.load(catalog);
    }

    static TreatResult treat(List<String> mechanisms, List<String> regimen, double days, long seed) {
        return TumourSimulation.run(catalog, params, "test", mechanisms, List.of(), regimen, Exposure.continuous(Double.POSITIVE_INFINITY),
            days, seed, 2);
    }

    /** Days to progression, or infinity when none. */
    static double ttp(TreatResult r) {
        return r.progressed() ? r.progressionDay() : Double.POSITIVE_INFINITY;
    }

    @Test
    void untreatedBaselineDoublesInAbout162Days() {
        TreatResult r = TumourSimulation.run(catalog, params, "test", List.of(), List.of(), List.of(), (t, d) -> 0, 324, SEED, 2);
        double ratio = r.cells()[r.cells().length - 1] / r.cells()[0];
        double doubling = 324 * Math.log(2) / Math.log(ratio);
        assertThat(doubling).isBetween(162 * 0.95, 162 * 1.05);
        assertThat(r.bestResponse()).isIn(Recist.Category.SD, Recist.Category.PD);
    }

    @Test
    void sensitiveTumourRespondsAndP95Her2TumourProgressesEarlierOnTrastuzumab() {
        // p95HER2 escapes trastuzumab fully; a PIK3CA hotspot only partly since the bypasses are graded
        TreatResult base = treat(List.of(), List.of("trastuzumab"), 2 * YEAR, SEED);
        TreatResult p95 = treat(List.of("p95her2_cleavage"), List.of("trastuzumab"), 2 * YEAR, SEED);
        assertThat(base.bestResponse()).isIn(Recist.Category.CR, Recist.Category.PR);
        assertThat(p95.progressed()).isTrue();
        assertThat(ttp(p95)).isLessThan(ttp(base));
        assertThat(p95.bestResponse().ordinal()).isGreaterThan(base.bestResponse().ordinal());
    }

    @Test
    void heterogeneousTumourRespondsToTdxdFarMoreThanToTdm1() {
        List<String> het = List.of("her2_heterogeneity");
        TreatResult tdm1 = treat(het, List.of("t_dm1"), 2 * YEAR, SEED);
        TreatResult tdxd = treat(het, List.of("t_dxd"), 2 * YEAR, SEED);
        assertThat(tdm1.progressed()).isTrue();
        assertThat(tdm1.atProgression().get("her2_heterogeneity")).isGreaterThan(0.9);
        assertThat(ttp(tdxd)).isGreaterThan(ttp(tdm1) + 90);
        assertThat(tdxd.bestResponse().ordinal()).isLessThan(tdm1.bestResponse().ordinal());
    }

    @Test
    void lysosomalDysfunctionCostsTdm1ItsPayloadButLeavesTrastuzumabAlone() {
        // on a p95HER2 tumour, where T-DM1 works through its payload (full-length HER2 remains) and trastuzumab does not
        List<String> bg = List.of("p95her2_cleavage");
        List<String> lyso = List.of("p95her2_cleavage", "lysosomal_dysfunction");
        assertThat(ttp(treat(bg, List.of("t_dm1"), 2 * YEAR, SEED))).isInfinite();
        assertThat(ttp(treat(lyso, List.of("t_dm1"), 2 * YEAR, SEED))).isFinite();
        // trastuzumab's course is the same within one scan (the cell-model estimates differ only by sampling noise)
        assertThat(ttp(treat(lyso, List.of("trastuzumab"), 2 * YEAR, SEED)))
            .isCloseTo(ttp(treat(bg, List.of("trastuzumab"), 2 * YEAR, SEED)), org.assertj.core.data.Offset.offset(params.scanIntervalDays()));
        // and on a sensitive tumour trastuzumab still works
        assertThat(treat(List.of("lysosomal_dysfunction"), List.of("trastuzumab"), 2 * YEAR, SEED).bestResponse()).isEqualTo(Recist.Category.CR);
    }

    @Test
    void resistantClonesEmergeInSomeTumoursWithinAYearAndNameTheirMechanisms() {
        CloneRates rates = new CloneRates(catalog, params, List.of(), List.of("trastuzumab"), SEED, 2);
        int n = 40;
        int emerged = 0;
        int progressed = 0;
        java.util.Set<String> largest = new java.util.TreeSet<>();
        double smallest = Double.POSITIVE_INFINITY;
        double biggest = 0;
        for (long s = 1; s <= n; s++) {
            TreatResult r = TumourSimulation.run(catalog, params, rates, "test", List.of(), List.of(), List.of("trastuzumab"),
                Exposure.continuous(Double.POSITIVE_INFINITY), 2 * YEAR, s);
            int year = (int) Math.round(YEAR / params.stepDays());
            boolean any = false;
            String lead = null;
            double size = 0;
            for (Map.Entry<String, double[]> e : r.clones().entrySet()) {
                if (e.getKey().contains("+") && e.getValue()[year] >= 1) {
                    any = true;
                    if (e.getValue()[year] > size) {
                        size = e.getValue()[year];
                        lead = e.getKey();
                    }
                }
            }
            emerged += any ? 1 : 0;
            if (lead != null) {
                largest.add(lead);
                smallest = Math.min(smallest, size);
                biggest = Math.max(biggest, size);
            }
            if (r.progressed()) {
                progressed++;
                String top = r.atProgression().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                assertThat(top).as("the clone that progressed carries an acquired mechanism").contains("+");
                assertThat(params.acquirable().stream().anyMatch(top::contains)).isTrue();
            }
        }
        // emergence is stochastic: which acquired clone leads, and how big it is at one year, differ between tumours
        assertThat(emerged).as("tumours with an acquired clone at one year, of %d", n).isGreaterThan(0);
        assertThat(largest).as("the largest acquired clone at one year, over %d tumours", n).hasSizeGreaterThan(1);
        assertThat(biggest / smallest).as("its size range at one year: %.0f to %.0f cells", smallest, biggest).isGreaterThan(1.5);
        assertThat(progressed).isLessThanOrEqualTo(emerged);
    }

    @Test
    void sameSeedSameTumourForAnyThreadCount() {
        TreatResult a = TumourSimulation.run(catalog, params, "t", List.of("pten_loss"), List.of(), List.of("trastuzumab"),
            Exposure.continuous(Double.POSITIVE_INFINITY), 400, 5, 1);
        TreatResult b = TumourSimulation.run(catalog, params, "t", List.of("pten_loss"), List.of(), List.of("trastuzumab"),
            Exposure.continuous(Double.POSITIVE_INFINITY), 400, 5, 2);
        assertThat(b.cells()).containsExactly(a.cells());
        assertThat(b.clones().keySet()).containsExactlyElementsOf(a.clones().keySet());
        assertThat(b.scans()).isEqualTo(a.scans());
    }

    @Test
    void poissonDrawsHaveTheirMean() {
        var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(3);
        for (double mean : new double[] {0.3, 4, 50}) {
            int n = 20000;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += TumourSimulation.poisson(rng, mean);
            }
            assertThat(sum / n).isCloseTo(mean, org.assertj.core.data.Offset.offset(4 * Math.sqrt(mean / n)));
        }
    }

    @Test
    void progressIsToldAfterEveryStepAndEndsAtOne() {
        CloneRates rates = new CloneRates(catalog, params, List.of(), List.of("trastuzumab"), SEED, 2);
        List<Double> told = new java.util.ArrayList<>();
        TreatResult r = TumourSimulation.run(catalog, params, rates, "test", List.of(), List.of(), List.of("trastuzumab"),
            Exposure.continuous(Double.POSITIVE_INFINITY), 100, 3, 1, told::add);
        assertThat(told).hasSize(r.days().length - 1).isSorted().doesNotHaveDuplicates();
        assertThat(told.get(0)).isGreaterThan(0);
        assertThat(told.get(told.size() - 1)).isEqualTo(1.0);
        // the same tumour as without a listener
        TreatResult quiet = TumourSimulation.run(catalog, params, rates, "test", List.of(), List.of(), List.of("trastuzumab"),
            Exposure.continuous(Double.POSITIVE_INFINITY), 100, 3);
        assertThat(quiet.cells()).isEqualTo(r.cells());
    }
}
