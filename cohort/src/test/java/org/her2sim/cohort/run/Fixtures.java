// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.her2sim.cohort.run.request.ModelRef;

/** The test catalog under {@code cohortfix/} and small cohort files written by hand. */
final class Fixtures {
    private Fixtures() {
    }

    /** The fixture model: trastuzumab, a PI3K inhibitor and drugs a-d on an AND and an OR gate. */
    static ModelRef model() {
        return ModelRef.classpath("cohortfix/");
    }

    /**
     * A cohort of n patients whose features follow the bits of their index: patient i has
     * pik3ca_mutation when bit 0 of i % 8 is set, pten_loss for bit 1, muc4_high for bit 2; so 8
     * distinct profiles, n/8 patients each when n is a multiple of 8.
     */
    static Path cohort(Path dir, String name, int n) throws IOException {
        StringBuilder sb = new StringBuilder("# her2sim virtual cohort\n# version: test\n# seed: 5\n# setting: naive\n# size: " + n + "\n");
        sb.append("id,pik3ca_mutation,pten_loss,muc4_high,weight_kg,serum_ecd_ng_ml,metastatic_sites\n");
        for (int i = 0; i < n; i++) {
            int b = i % 8;
            sb.append(String.format(Locale.ROOT, "P%06d,%d,%d,%d,66.0,20.00,1%n", i + 1, b & 1, b >> 1 & 1, b >> 2 & 1));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }
}
