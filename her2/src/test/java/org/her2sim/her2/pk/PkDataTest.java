// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Root;
import org.junit.jupiter.api.Test;

/** The PK data files: the bundled ones load and cross-check; bad ones fail at file:line:column naming the field. */
class PkDataTest {
    static final String DRUGS = """
        drugs:
          - id: mab
            name: Mab
            exposure: concentration
            default_model: m1
            models:
              - id: m1
                source: test
                structure: two_compartment
                units: {cl: L/day, vc: L, q: L/day, vp: L}
                parameters: {cl: 0.2, vc: 3, q: 0.5, vp: 3}
        """;
    static final String REGIMEN = """
        regimens:
          - id: mab_q3w
            drug: mab
            therapy: trastuzumab
            route: iv
            dose: 6
            unit: mg/kg
            interval_days: 21
            infusion_min: 30
            cycles: open
        """;

    static PkData parse(String drugs, String regimens) {
        return PkData.parse("drugs.yaml", drugs, "regimens.yaml", regimens, Set.of("trastuzumab"));
    }

    static void fails(String drugs, String regimens, String location, String... parts) {
        assertThatThrownBy(() -> parse(drugs, regimens)).isInstanceOf(ModelException.class).hasMessageStartingWith(location)
            .satisfies(e -> {
                for (String p : parts) {
                    assertThat(e.getMessage()).contains(p);
                }
            });
    }

    @Test
    void theMinimalFilesLoad() {
        PkData d = parse(DRUGS, REGIMEN);
        assertThat(d.drugs()).containsOnlyKeys("mab");
        assertThat(d.regimens().get("mab_q3w").dose()).isEqualTo(6);
    }

    @Test
    void bundledFilesLoadAndEveryRegimenDrivesATherapyOfTheCatalog() throws IOException {
        PkData d = PkFixture.data();
        assertThat(d.drugs()).containsOnlyKeys("trastuzumab", "pertuzumab", "t_dm1", "t_dxd", "lapatinib", "tucatinib", "neratinib", "taxane");
        Catalog c = Catalog.load();
        for (Regimen r : d.regimens().values()) {
            assertThat(c.therapies()).containsKey(r.therapy());
            assertThat(d.drugs()).containsKey(r.drug());
        }
        for (Drug drug : d.drugs().values()) {
            assertThat(d.regimensOf(drug)).as(drug.id()).isNotEmpty();
        }
        assertThat(PkData.load(Root.bundled()).regimens().keySet()).isEqualTo(d.regimens().keySet());
    }

    @Test
    void negativeAndAbsurdDoses() {
        fails(DRUGS, REGIMEN.replace("dose: 6", "dose: -6"), "regimens.yaml:6:11:", "regimen 'mab_q3w'", "field 'dose'", "greater than 0");
        fails(DRUGS, REGIMEN.replace("dose: 6", "dose: 600"), "regimens.yaml:6:11:", "field 'dose'", "implausible", "at most 50");
        fails(DRUGS, REGIMEN.replace("dose: 6", "dose: six"), "regimens.yaml:6:11:", "expected a number, not 'six'");
        fails(DRUGS, REGIMEN.replace("interval_days: 21", "interval_days: 0"), "regimens.yaml:8:20:", "interval_days");
        fails(DRUGS, REGIMEN.replace("infusion_min: 30", "infusion_min: 40000"), "regimens.yaml:9:19:", "infusion_min");
    }

    @Test
    void unknownNamesInTheFiles() {
        fails(DRUGS, REGIMEN.replace("drug: mab", "drug: mabb"), "regimens.yaml:3:11:", "unknown drug 'mabb'", "did you mean: mab");
        fails(DRUGS, REGIMEN.replace("therapy: trastuzumab", "therapy: trastuzumb"), "regimens.yaml:4:14:", "unknown therapy 'trastuzumb'");
        fails(DRUGS, REGIMEN.replace("route: iv", "route: im"), "regimens.yaml:5:12:", "route must be iv, sc or oral");
        fails(DRUGS, REGIMEN.replace("unit: mg/kg", "unit: mg/m2"), "regimens.yaml:7:11:", "body surface area");
        fails(DRUGS, REGIMEN + "    colour: blue\n", "regimens.yaml:11:5:", "unknown field 'colour'");
        fails(DRUGS, REGIMEN.replace("route: iv", "route: sc").replace("    infusion_min: 30\n", ""), "regimens.yaml:5:12:", "needs a model with first-order absorption");
    }

    @Test
    void badParameterSets() {
        fails(DRUGS.replace("cl: 0.2", "cl: -0.2"), REGIMEN, "drugs.yaml:11:26:", "parameter 'cl'", "greater than 0");
        fails(DRUGS.replace("cl: L/day", "cl: L/h"), REGIMEN, "drugs.yaml:10:21:", "cl must be given in L/day, not 'L/h'");
        fails(DRUGS.replace("q: 0.5, ", ""), REGIMEN, "drugs.yaml:", "q and vp go together");
        fails(DRUGS.replace("parameters: {cl: 0.2", "parameters: {kel: 1, cl: 0.2"), REGIMEN, "drugs.yaml:11:22:", "unknown parameter 'kel'");
        fails(DRUGS + "        covariates:\n          - {parameter: cl, covariate: height, kind: power, reference: 170, exponent: 1}\n", REGIMEN,
            "drugs.yaml:13:40:", "unknown covariate 'height'");
        fails(DRUGS + "        variability: {cl: 40}\n", REGIMEN, "drugs.yaml:12:27:", "coefficient of variation");
        fails(DRUGS.replace("default_model: m1", "default_model: m2"), REGIMEN, "drugs.yaml:5:20:", "unknown model 'm2'");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        fails(DRUGS.replace("name: Mab", "name: [Mab"), REGIMEN, "drugs.yaml:4:", "YAML syntax error");
        fails(DRUGS, REGIMEN.replace("    dose: 6\n", "    dose: 6\n  dose: 7\n"), "regimens.yaml:", "YAML syntax error");
    }

    @Test
    void lookupsSuggestCloseNames() {
        PkData d = PkFixture.data();
        assertThat(d.drug("Herceptin", SourceLocation.of("--drug")).id()).isEqualTo("trastuzumab");
        assertThatThrownBy(() -> d.drug("trastuzumib", SourceLocation.of("--drug"))).isInstanceOf(ModelException.class)
            .hasMessageStartingWith("--drug: unknown drug 'trastuzumib'").hasMessageContaining("did you mean: trastuzumab");
        Drug t = d.drug("trastuzumab", null);
        assertThatThrownBy(() -> d.regimen(t, "q4w", SourceLocation.of("--regimen"))).hasMessageStartingWith("--regimen: unknown regimen of trastuzumab 'q4w'")
            .hasMessageContaining("q3w");
        assertThatThrownBy(() -> d.model(t, null, "bruno", SourceLocation.of("--model"))).hasMessageContaining("bruno2005");
        assertThat(d.model(t, d.regimen(t, "sc", null), null, null).id()).isEqualTo("quartino2016");
        assertThat(d.model(t, d.regimen(t, "q3w", null), null, null).id()).isEqualTo("quartino2019");
    }

    @Test
    void badPatientsAndRequests() {
        for (double w : List.of(0.0, -70.0, 500.0, Double.NaN)) {
            assertThatThrownBy(() -> Patient.typical(w, null)).isInstanceOf(PkInputException.class).hasMessageStartingWith("weight: ")
                .hasMessageContaining("between 20 and 250 kg");
        }
        assertThatThrownBy(() -> new Patient(70, 0.0, 0, null, null, false, null)).hasMessageStartingWith("ecd: ");
        assertThatThrownBy(() -> new Patient(70, null, 4, null, null, false, Population.EBC)).hasMessageStartingWith("metastatic_sites: ")
            .hasMessageContaining("population mbc");
        assertThat(new Patient(70, null, 4, null, null, false, null).population()).isEqualTo(Population.MBC);
        assertThatThrownBy(() -> PkFixture.request("trastuzumab", "q3w", null, Patient.typical(70, null), 0)).hasMessageStartingWith("days: ");
        assertThatThrownBy(() -> PkFixture.request("trastuzumab", "sc", "bruno2005", Patient.typical(70, null), 10))
            .isInstanceOf(PkInputException.class).hasMessageStartingWith("model: ").hasMessageContaining("absorption");
    }
}
