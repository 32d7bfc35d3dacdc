// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Mechanism;
import org.her2sim.her2.predict.Expectations;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Behaviour 20: every mechanism of mechanisms.yaml moves at least one phenotype the way its entry
 * states, and every stated direction holds, by more than four combined standard errors.
 */
class MechanismExpectationsTest {
    static final long SEED = 7;
    static final long SAMPLES = 2000;

    @TestFactory
    Stream<DynamicTest> everyExpectationHolds() throws IOException {
        Catalog catalog = Catalog.load();
        List<Expectations.Outcome> outcomes = Expectations.check(catalog, SEED, SAMPLES, 2);
        return outcomes.stream().map(o -> DynamicTest.dynamicTest(o.mechanism() + ": " + o.expectation(), () -> {
            double tol = 4 * Math.hypot(o.baseline().se(), o.with().se());
            assertThat(o.margin()).as("%s %s: %.3f -> %.3f (tolerance %.3f)", o.mechanism(), o.expectation(),
                o.baseline().p(), o.with().p(), tol).isGreaterThan(tol);
        }));
    }

    @Test
    void everyMechanismStatesAtLeastOnePhenotypeChange() throws IOException {
        Catalog catalog = Catalog.load();
        for (Mechanism m : catalog.mechanisms().values()) {
            assertThat(m.expect()).as(m.id()).isNotEmpty();
            assertThat(m.expect()).allSatisfy(e -> assertThat(catalog.response().phenotypes()).contains(e.phenotype()));
        }
    }
}
