// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.her2sim.engine.error.ModelException;

/**
 * Reads a Mutation Annotation Format file (TCGA/GDC, cBioPortal): tab-separated, {@code #version}
 * and other {@code #} comment lines, a header row. Required columns: {@code Hugo_Symbol},
 * {@code Variant_Classification}, {@code Tumor_Sample_Barcode}, and the protein change as
 * {@code HGVSp_Short} (or cBioPortal's {@code Protein_Change}, or {@code HGVSp}). A
 * {@code FILTER} column, when present, marks rows that did not pass. One sample per barcode, in
 * file order.
 */
public final class MafReader {
    private MafReader() {
    }

    /**
     * Reads a MAF (gzip allowed).
     *
     * @throws ModelException for a missing column (naming the file and column), a row whose field count
     *     differs from the header's, or an empty gene or barcode (naming file, line and column)
     * @throws IOException when the file cannot be read
     */
    public static VariantSet read(Path path) throws IOException {
        try (TsvTable t = TsvTable.open(path)) {
            int gene = t.require("Hugo_Symbol");
            int cls = t.require("Variant_Classification");
            int barcode = t.require("Tumor_Sample_Barcode");
            int protein = t.require("HGVSp_Short", "Protein_Change", "HGVSp");
            int filter = t.column("FILTER");
            Set<String> samples = new LinkedHashSet<>();
            List<Observation> out = new ArrayList<>();
            TsvTable.Row r;
            while ((r = t.nextRow()) != null) {
                List<String> f = r.fields();
                String g = f.get(gene).strip();
                String s = f.get(barcode).strip();
                if (g.isEmpty()) {
                    throw new ModelException(t.at(r, gene), "Hugo_Symbol: empty");
                }
                if (s.isEmpty()) {
                    throw new ModelException(t.at(r, barcode), "Tumor_Sample_Barcode: empty");
                }
                String c = f.get(cls).strip();
                if (c.isEmpty()) {
                    throw new ModelException(t.at(r, cls), "Variant_Classification: empty");
                }
                String flt = filter < 0 ? "" : f.get(filter).strip();
                if (flt.equalsIgnoreCase("PASS") || flt.equals(".")) {
                    flt = "";
                }
                samples.add(s);
                out.add(new Mutation(s, g, ProteinChange.normalise(f.get(protein)), List.of(c), null, flt, t.at(r, 0)));
            }
            List<String> names = new ArrayList<>(samples);
            return new VariantSet(t.file(), "MAF", names, names, out);
        }
    }
}
