// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.her2sim.her2.pk.PkFixture.request;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Virtual patients: deterministic for a seed, log-normal with the published variability. */
class VirtualPatientsTest {
    static DrugModel model(String drug, String model) {
        return PkFixture.data().drug(drug, null).models().get(model);
    }

    @Test
    void sameSeedSamePatientsAndPatientIDoesNotDependOnN() {
        DrugModel m = model("trastuzumab", "quartino2019");
        Patient p = Patient.typical(66, null);
        List<PkParams> a = VirtualPatients.sample(m, p, 50, 42);
        assertThat(VirtualPatients.sample(m, p, 50, 42)).isEqualTo(a);
        assertThat(VirtualPatients.sample(m, p, 10, 42)).isEqualTo(a.subList(0, 10));
        assertThat(VirtualPatients.sample(m, p, 50, 43)).isNotEqualTo(a);
    }

    @Test
    void bandsAreReproducible() {
        PkRequest r = request("trastuzumab", "q3w", "bruno2005", Patient.typical(70, null), 42);
        Band a = PkSimulator.band(r, 40, 7);
        Band b = PkSimulator.band(r, 40, 7);
        assertThat(b.troughs()).usingRecursiveComparison().isEqualTo(a.troughs());
        assertThat(b.steadyStateTrough()).containsExactly(a.steadyStateTrough());
        assertThat(a.troughs().get(0)[0]).isLessThan(a.troughs().get(0)[1]).isLessThan(a.troughs().get(0)[2]);
    }

    @Test
    void parametersAreLogNormalWithThePublishedCoefficientOfVariation() {
        DrugModel m = model("trastuzumab", "quartino2019");
        List<PkParams> ps = VirtualPatients.sample(m, Patient.typical(66, null), 20_000, 1);
        double[] logs = ps.stream().mapToDouble(p -> Math.log(p.cl())).toArray();
        double mean = java.util.Arrays.stream(logs).average().orElseThrow();
        double var = java.util.Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (logs.length - 1);
        // CV 40%: omega^2 = ln(1 + 0.16); median at the typical value 0.127 L/day
        assertThat(var).isCloseTo(Math.log(1.16), within(0.01));
        assertThat(Math.exp(mean)).isCloseTo(0.127, within(0.003));
        // parameters without variability stay at the typical value
        assertThat(ps).extracting(PkParams::q).containsOnly(0.544);
    }

    @Test
    void bioavailabilityNeverExceedsOne() {
        List<PkParams> ps = VirtualPatients.sample(model("trastuzumab", "quartino2016"), Patient.typical(68, null), 5000, 3);
        assertThat(ps).allSatisfy(p -> assertThat(p.f()).isLessThanOrEqualTo(1.0));
    }

    @Test
    void covariatesScaleTheTypicalPatient() {
        DrugModel q19 = model("trastuzumab", "quartino2019");
        PkParams ref = q19.individual(Patient.typical(66, null));
        assertThat(ref.cl()).isEqualTo(0.127);
        PkParams heavy = q19.individual(new Patient(99, null, 2, 2.0, 48.0, true, Population.MBC));
        double expected = 0.127 * Math.pow(99 / 66.0, 0.967) * Math.pow(0.5, -0.998) * Math.pow(2, 0.205) * 1.16;
        assertThat(heavy.cl()).isCloseTo(expected, within(1e-12));
        DrugModel bruno = model("trastuzumab", "bruno2005");
        // the ECD effect on clearance stops growing above 200 ng/mL
        assertThat(bruno.individual(new Patient(70, 1000.0, 0, null, null, false, null)).cl())
            .isEqualTo(bruno.individual(new Patient(70, 200.0, 0, null, null, false, null)).cl());
        assertThat(bruno.individual(new Patient(70, 8.23, 3, null, null, false, null)).cl()).isCloseTo(0.225, within(1e-12));
        assertThat(bruno.individual(new Patient(70, 8.23, 4, null, null, false, null)).cl()).isCloseTo(0.225 * 1.221, within(1e-12));
    }

    @Test
    void badSampleCounts() {
        DrugModel m = model("trastuzumab", "bruno2005");
        assertThatThrownBy(() -> VirtualPatients.sample(m, Patient.typical(70, null), 0, 1)).isInstanceOf(PkInputException.class)
            .hasMessageStartingWith("samples:");
        assertThatThrownBy(() -> PkSimulator.band(request("lapatinib", null, null, Patient.typical(70, null), 10), 10, 1))
            .hasMessageContaining("on/off exposure");
    }
}
