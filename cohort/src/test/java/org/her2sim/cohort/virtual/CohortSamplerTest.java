// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CohortSamplerTest {
    static final int N = 20_000;
    static PrevalenceModel model;
    static CohortSampler sampler;

    @BeforeAll
    static void load() throws IOException {
        model = PrevalenceModel.load();
        sampler = new CohortSampler(model);
    }

    /** The observed fraction is within 4 binomial standard errors of p. */
    static void near(List<Patient> ps, Predicate<Patient> has, double p, String what) {
        long k = ps.stream().filter(has).count();
        double se = Math.sqrt(p * (1 - p) / ps.size());
        assertThat((double) k / ps.size()).as(what + " (expected " + p + ")").isCloseTo(p, org.assertj.core.data.Offset.offset(4 * se));
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void reproducesEveryPrevalence(Setting s) {
        List<Patient> ps = sampler.sample(N, 20240611L, s, 2).patients();
        for (Feature f : model.features()) {
            near(ps, p -> p.has(f.id()), f.prevalence(s), f.id());
        }
        near(ps, p -> p.has(PrevalenceModel.PIK3CA) || p.has(PrevalenceModel.PTEN_LOSS), model.either(s), "PIK3CA or PTEN loss");
        near(ps, p -> p.has(PrevalenceModel.PIK3CA) && p.has(PrevalenceModel.PTEN_LOSS), model.cells(s)[2], "both");
        near(ps, p -> p.serumEcdNgMl() > 15, 0.60, "serum ECD > 15 ng/mL");
        near(ps, p -> p.serumEcdNgMl() > 200, 0.05, "serum ECD > 200 ng/mL");
        near(ps, p -> p.weightKg() < 66, 0.5, "weight below the median");
        for (Patient p : ps) {
            assertThat(p.weightKg()).isBetween(35.0, 150.0);
            assertThat(p.metastaticSites()).isBetween(1, 6);
        }
        pkScoresAreIndependentStandardNormals(ps);
    }

    /** Each PK score has mean 0 and variance 1 (within 4 standard errors), and scores are uncorrelated with each other and with weight. */
    static void pkScoresAreIndependentStandardNormals(List<Patient> ps) {
        int n = ps.size();
        int k = Patient.PK_PARAMETERS.size();
        for (int j = 0; j < k; j++) {
            double sum = 0;
            double sq = 0;
            for (Patient p : ps) {
                double z = p.pkZ().get(j);
                sum += z;
                sq += z * z;
            }
            double mean = sum / n;
            double var = sq / n - mean * mean;
            String what = "score " + Patient.PK_PARAMETERS.get(j);
            assertThat(mean).as(what + " mean").isCloseTo(0, org.assertj.core.data.Offset.offset(4 / Math.sqrt(n)));
            // the variance of a sample variance of normals is 2 sigma^4 / n
            assertThat(var).as(what + " variance").isCloseTo(1, org.assertj.core.data.Offset.offset(4 * Math.sqrt(2.0 / n)));
            double c = 0;
            double w = ps.stream().mapToDouble(Patient::weightKg).average().orElseThrow();
            double wsd = Math.sqrt(ps.stream().mapToDouble(p -> (p.weightKg() - w) * (p.weightKg() - w)).sum() / n);
            double other = 0;
            for (Patient p : ps) {
                c += p.pkZ().get(j) * p.pkZ().get((j + 1) % k);
                other += p.pkZ().get(j) * (p.weightKg() - w) / wsd;
            }
            // a correlation of independent variables has standard error 1 / sqrt(n)
            assertThat(c / n).as(what + " vs the next score").isCloseTo(0, org.assertj.core.data.Offset.offset(4 / Math.sqrt(n)));
            assertThat(other / n).as(what + " vs weight").isCloseTo(0, org.assertj.core.data.Offset.offset(4 / Math.sqrt(n)));
        }
    }

    @Test
    void sourcedFiguresAreThePointValues() {
        assertThat(model.either(Setting.NAIVE)).isCloseTo(0.44, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(model.either(Setting.PRETREATED)).isCloseTo(0.71, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(model.feature("pik3ca_mutation").prevalence(Setting.NAIVE)).isCloseTo(0.22, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(model.feature("pten_loss").prevalence(Setting.NAIVE)).isCloseTo(0.26, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(model.feature("p95her2").prevalence(Setting.PRETREATED)).isEqualTo(0.224);
        for (Setting s : Setting.values()) {
            double sum = 0;
            for (double c : model.cells(s)) {
                assertThat(c).isBetween(0.0, 1.0);
                sum += c;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void pretreatedIsEnriched() {
        List<Patient> naive = sampler.sample(N, 7, Setting.NAIVE, 1).patients();
        List<Patient> pre = sampler.sample(N, 7, Setting.PRETREATED, 1).patients();
        Predicate<Patient> either = p -> p.has(PrevalenceModel.PIK3CA) || p.has(PrevalenceModel.PTEN_LOSS);
        double a = naive.stream().filter(either).count() / (double) N;
        double b = pre.stream().filter(either).count() / (double) N;
        // 0.44 vs 0.71: the difference is about 40 standard errors
        assertThat(b - a).isGreaterThan(0.2);
        near(pre, either, 0.71, "pretreated either");
    }

    @Test
    void sameSeedSameCohortForAnyThreadCount() {
        Cohort one = sampler.sample(3000, 99, Setting.PRETREATED, 1);
        Cohort three = sampler.sample(3000, 99, Setting.PRETREATED, 3);
        assertThat(three.patients()).isEqualTo(one.patients());
        assertThat(sampler.sample(3000, 100, Setting.PRETREATED, 1).patients()).isNotEqualTo(one.patients());
    }

    @Test
    void firstPatientsDoNotDependOnSize() {
        List<Patient> small = sampler.sample(50, 5, Setting.NAIVE, 2).patients();
        List<Patient> big = sampler.sample(5000, 5, Setting.NAIVE, 2).patients();
        assertThat(big.subList(0, 50)).isEqualTo(small);
        assertThat(sampler.patient(5, Setting.NAIVE, 4321)).isEqualTo(big.get(4321));
        assertThat(big.get(0).id()).isEqualTo("P000001");
    }

    @Test
    void streamIsL64X128MixRandom() {
        assertThat(CohortSampler.stream(1, 0).getClass().getSimpleName()).isEqualTo("L64X128MixRandom");
    }

    @Test
    void writingBlockByBlockGivesTheFileOfTheSampledCohort() throws java.io.IOException {
        int size = 20_000;   // more than two blocks, the last one partial
        java.io.StringWriter whole = new java.io.StringWriter();
        CohortFile.write(sampler.sample(size, 77, Setting.NAIVE, 2), whole);
        for (int threads : new int[] {1, 2}) {
            java.io.StringWriter streamed = new java.io.StringWriter();
            int[] seen = new int[1];
            sampler.write(size, 77, Setting.NAIVE, threads, streamed, p -> assertThat(p.index()).isEqualTo(seen[0]++));
            assertThat(seen[0]).isEqualTo(size);
            assertThat(streamed.toString()).as(threads + " threads").isEqualTo(whole.toString());
        }
    }

    @Test
    void repeatedIdsAreFoundWhateverTheirForm(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        String head = "# her2sim virtual cohort\n# seed: 3\n# setting: naive\nid,pik3ca_mutation,weight_kg,serum_ecd_ng_ml,metastatic_sites\n";
        // the usual id of row 1 turns up again in row 3, and a free-form id twice
        for (String rows : List.of("P000001,0,60,12,1\nP000002,0,60,12,1\nP000001,0,60,12,1\n",
                                   "P000003,0,60,12,1\nP000002,0,60,12,1\nP000003,0,60,12,1\n",
                                   "x,0,60,12,1\nP000002,0,60,12,1\nx,0,60,12,1\n")) {
            java.nio.file.Path f = dir.resolve("dup.csv");
            java.nio.file.Files.writeString(f, head + rows);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CohortFile.read(f)).as(rows)
                .isInstanceOf(org.her2sim.engine.error.ModelException.class).hasMessageContaining("dup.csv:7:1: id:").hasMessageContaining("is repeated");
        }
        java.nio.file.Path ok = dir.resolve("ok.csv");
        java.nio.file.Files.writeString(ok, head + "P000002,0,60,12,1\nP000001,0,60,12,1\nP1,0,60,12,1\n");
        assertThat(CohortFile.read(ok).patients()).extracting(Patient::id).containsExactly("P000002", "P000001", "P1");
    }
}
