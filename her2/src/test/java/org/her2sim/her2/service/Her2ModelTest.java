// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.her2sim.her2.Fixture;
import org.her2sim.her2.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model read from one root, and its content hash. */
class Her2ModelTest {
    @TempDir
    Path dir;

    private static String hash(Path root) throws IOException {
        return new Her2Model(Catalog.load(root), null, null).sha256();
    }

    @Test
    void theHashFollowsTheFilesContents() throws IOException {
        Path a = Fixture.copy(dir.resolve("a"));
        Path b = Fixture.copy(dir.resolve("b"));
        Path c = Fixture.edited(dir.resolve("c"), "profiles/muc4.yaml", "name: muc4", "name: muc4b");
        assertThat(hash(a)).hasSize(64).matches("[0-9a-f]+").isEqualTo(hash(b)).isNotEqualTo(hash(c));
    }

    @Test
    void theBundledModelIsReadWholeFromOneRoot() throws IOException {
        Her2Model m = Her2Model.load();
        assertThat(m.files()).contains("network/her2.bnd", "tumour.yaml", "pk/drugs.yaml", "pk/regimens.yaml").isSorted();
        assertThat(m.pk().regimens()).containsKey("trastuzumab_q3w");
        assertThat(m.tumour().untreatedDoublingDays()).isPositive();
        assertThat(m.sha256()).isEqualTo(Her2Model.load().sha256());
    }
}
