// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.her2sim.her2.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** Words of --regimen and --therapy: dosing regimens dose their therapy, other words name therapies. */
class RegimenWordsTest {
    @Test
    void regimenWordsDoseOrRunContinuously() throws IOException {
        Catalog catalog = Catalog.load();
        PkData pk = PkData.load();
        RegimenWords w = RegimenWords.resolve(catalog, pk, List.of("Trastuzumab_Q3W", "pertuzumab", "docetaxel_q3w"), "--regimen");
        assertThat(w.therapies()).containsExactly("trastuzumab", "pertuzumab", "taxane");
        assertThat(w.dosing()).containsExactly("trastuzumab_q3w", "docetaxel_q3w");
        assertThat(w.words()).containsExactly("trastuzumab_q3w", "pertuzumab", "docetaxel_q3w");
        assertThatThrownBy(() -> RegimenWords.resolve(catalog, pk, List.of("trastuzumab_q3w", "trastuzumab"), "--regimen"))
            .hasMessageContaining("--regimen").hasMessageContaining("'trastuzumab' is given twice");
        assertThatThrownBy(() -> RegimenWords.resolve(catalog, pk, List.of("trastuzumab_q9w"), "--regimen")).hasMessageContaining("trastuzumab_q9w");
        // without dosing regimens (--therapy), a repeated therapy is kept once and regimen ids are not therapies
        assertThat(RegimenWords.resolve(catalog, null, List.of("trastuzumab", "Trastuzumab"), "--therapy").therapies())
            .containsExactly("trastuzumab");
    }
}
