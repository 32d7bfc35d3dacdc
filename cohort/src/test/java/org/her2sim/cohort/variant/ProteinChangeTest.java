// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProteinChangeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p.His1047Arg|H1047R",
        "p.H1047R|H1047R",
        "H1047R|H1047R",
        "p.(Glu545Lys)|E545K",
        "ENSP00000263967.3:p.His1047Arg|H1047R",
        "p.Arg130Ter|R130*",
        "p.Lys6fsTer4|K6fs*4",
        "p.Leu23_Glu25del|L23_E25del",
        "p.Lys6AsnfsTer4|K6Nfs*4",
        "p.%3D|''",
        "''|''",
        ".|''"})
    void normalises(String in, String out) {
        assertThat(ProteinChange.normalise(in)).isEqualTo(out);
    }
}
