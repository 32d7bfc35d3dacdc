// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CdsTrainingTest {

    @Test
    void everyTrainingCommandSucceeds() throws Exception {
        // a failing command would leave its classes out of the launcher's start-up archive
        assertThat(CdsTraining.run()).isZero();
    }
}
