// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closed form against the Dormand-Prince solver, and both against hand-derived solutions. */
class SolverTest {
    /** Bruno 2005's parameters (linear, two compartments) with an SC absorption added. */
    static final PkParams LINEAR = new PkParams(0.225, 2.95, 0.484, 4.79, 0, 0, 0.404, 0.771);

    static double[] grid(double days, double step) {
        int n = (int) Math.round(days / step);
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = i * step;
        }
        return t;
    }

    static List<Dose> q3w(double load, double maint, Dose.Route route, double minutes, int n) {
        List<Dose> d = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            d.add(new Dose(21.0 * k, k == 0 ? load : maint, minutes / 1440, route, k + 1));
        }
        return d;
    }

    static void assertRelativelyClose(double[] ode, double[] exact, double rel) {
        for (int i = 0; i < exact.length; i++) {
            assertThat(ode[i]).as("sample %d", i).isCloseTo(exact[i], within(rel * Math.max(Math.abs(exact[i]), 1e-3)));
        }
    }

    @Test
    void odeMatchesClosedFormForInfusions() {
        List<Dose> doses = q3w(560, 420, Dose.Route.IV, 90, 8);
        double[] t = grid(168, 0.1);
        double[] exact = new LinearPk(LINEAR).at(doses, t);
        double[] ode = PkModel.concentrationsByOde(LINEAR, doses, t, 1e-10, 1e-12);
        assertRelativelyClose(ode, exact, 1e-6);
        assertThat(exact[0]).isZero();
    }

    @Test
    void odeMatchesClosedFormForBolusesAndAbsorption() {
        List<Dose> bolus = q3w(560, 420, Dose.Route.IV, 0, 6);
        double[] t = grid(126, 0.25);
        assertRelativelyClose(PkModel.concentrationsByOde(LINEAR, bolus, t, 1e-10, 1e-12), new LinearPk(LINEAR).at(bolus, t), 1e-6);
        List<Dose> sc = q3w(600, 600, Dose.Route.SC, 0, 6);
        assertRelativelyClose(PkModel.concentrationsByOde(LINEAR, sc, t, 1e-10, 1e-12), new LinearPk(LINEAR).at(sc, t), 1e-6);
    }

    @Test
    void oneCompartmentAgreesWithTheTextbookFormulas() {
        PkParams one = new PkParams(0.5, 5, 0, 0, 0, 0, 1.2, 0.8);
        double k = 0.1;
        List<Dose> bolus = List.of(new Dose(0, 100, 0, Dose.Route.IV, 1));
        List<Dose> oral = List.of(new Dose(0, 100, 0, Dose.Route.ORAL, 1));
        List<Dose> infusion = List.of(new Dose(0, 100, 2, Dose.Route.IV, 1));
        double[] t = {0.5, 1, 2, 5, 10};
        double[] cb = PkModel.concentrations(one, bolus, t);
        double[] co = PkModel.concentrations(one, oral, t);
        double[] ci = PkModel.concentrations(one, infusion, t);
        for (int i = 0; i < t.length; i++) {
            assertThat(cb[i]).isCloseTo(100 / 5.0 * Math.exp(-k * t[i]), within(1e-12));
            assertThat(co[i]).isCloseTo(0.8 * 100 * 1.2 / (5 * (1.2 - k)) * (Math.exp(-k * t[i]) - Math.exp(-1.2 * t[i])), within(1e-12));
            double during = 50 / 0.5 * (1 - Math.exp(-k * Math.min(t[i], 2)));
            assertThat(ci[i]).isCloseTo(t[i] <= 2 ? during : during * Math.exp(-k * (t[i] - 2)), within(1e-12));
        }
    }

    @Test
    void absorptionRateEqualToEliminationIsTheLimitCase() {
        PkParams same = new PkParams(0.5, 5, 0, 0, 0, 0, 0.1, 1);
        double[] c = PkModel.concentrations(same, List.of(new Dose(0, 100, 0, Dose.Route.SC, 1)), new double[] {3});
        // ka = k: C = F D k t e^(-k t) / V
        assertThat(c[0]).isCloseTo(100 * 0.1 * 3 * Math.exp(-0.3) / 5, within(1e-12));
    }

    @Test
    void concentrationsAreTakenBeforeADoseDueAtTheSameTime() {
        double[] c = PkModel.concentrations(LINEAR, List.of(new Dose(0, 100, 0, Dose.Route.IV, 1), new Dose(7, 100, 0, Dose.Route.IV, 2)),
            new double[] {0, 7, 7 + 1e-9});
        assertThat(c[0]).isZero();
        assertThat(c[2] - c[1]).isCloseTo(100 / LINEAR.vc(), within(1e-6));
    }

    @Test
    void michaelisMentenSolutionConvergesAndReducesToLinearWhenKmIsLarge() {
        PkParams mm = new PkParams(0.127, 2.62, 0.544, 2.97, 8.81, 8.92, 0, 1);
        List<Dose> doses = q3w(528, 396, Dose.Route.IV, 30, 8);
        double[] t = grid(168, 0.5);
        double[] loose = PkModel.concentrationsByOde(mm, doses, t, 1e-7, 1e-9);
        double[] tight = PkModel.concentrationsByOde(mm, doses, t, 1e-11, 1e-13);
        assertRelativelyClose(loose, tight, 1e-5);
        // Vmax C / (Km + C) ~ (Vmax / Km) C when Km >> C: a linear clearance of Vmax / Km
        PkParams saturating = new PkParams(0.127, 2.62, 0.544, 2.97, 0.01 * 1e6, 1e6, 0, 1);
        double[] nearly = PkModel.concentrations(saturating, doses, t);
        double[] linear = PkModel.concentrations(saturating.withLinearClearance(0.127 + 0.01), doses, t);
        assertRelativelyClose(nearly, linear, 1e-3);
    }

    @Test
    void halfLivesFromRates() {
        PkParams one = new PkParams(0.5, 5, 0, 0, 0, 0, 0, 1);
        assertThat(PkModel.terminalHalfLife(one)).isCloseTo(Math.log(2) / 0.1, within(1e-12));
        PkParams mm = new PkParams(0.127, 2.62, 0.544, 2.97, 8.81, 8.92, 0, 1);
        // linearised: CL + Vmax / (Km + C)
        assertThat(PkModel.halfLifeAt(mm, 50)).isCloseTo(PkModel.terminalHalfLife(mm.withLinearClearance(0.127 + 8.81 / 58.92)), within(1e-12));
        assertThat(PkModel.halfLifeAt(mm, 50)).isLessThan(PkModel.terminalHalfLife(mm));
    }
}
