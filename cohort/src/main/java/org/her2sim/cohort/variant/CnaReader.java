// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * Reads a gene-level copy-number table: one row per gene, one column per sample, GISTIC's
 * thresholded levels -2 (deep deletion), -1 (shallow deletion), 0, 1 (gain), 2 (amplification).
 * The gene is the column {@code Hugo_Symbol} (cBioPortal {@code data_CNA.txt}) or
 * {@code Gene Symbol} (GISTIC {@code all_thresholded.by_genes.txt}); the annotation columns
 * {@code Entrez_Gene_Id}, {@code Locus ID} and {@code Cytoband} are skipped; every other column is
 * a sample. An empty cell, {@code NA} or {@code NaN} is no call; 0 is no observation.
 */
public final class CnaReader {
    private static final List<String> NOT_SAMPLES = List.of("hugo_symbol", "gene symbol", "entrez_gene_id", "locus id", "cytoband", "gene id");

    private CnaReader() {
    }

    /**
     * Reads a copy-number table (gzip allowed).
     *
     * @throws ModelException for a missing gene column, no sample column, a repeated sample, a
     *     malformed row, or a value that is not a whole number in -2..2 (naming file, line, column and sample)
     * @throws IOException when the file cannot be read
     */
    public static VariantSet read(Path path) throws IOException {
        try (TsvTable t = TsvTable.open(path)) {
            int gene = t.require("Hugo_Symbol", "Gene Symbol");
            List<Integer> cols = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < t.header().size(); i++) {
                String h = t.header().get(i);
                if (NOT_SAMPLES.contains(h.toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                if (h.isEmpty()) {
                    throw new ModelException(new SourceLocation(t.file(), (int) t.headerLine(), 0), "header column " + (i + 1) + ": empty sample name");
                }
                if (!names.add(h)) {
                    throw new ModelException(new SourceLocation(t.file(), (int) t.headerLine(), 0), "header: sample '" + h + "' is repeated");
                }
                cols.add(i);
            }
            if (cols.isEmpty()) {
                throw new ModelException(new SourceLocation(t.file(), (int) t.headerLine(), 0), "no sample column after the gene columns");
            }
            List<Observation> out = new ArrayList<>();
            TsvTable.Row r;
            while ((r = t.nextRow()) != null) {
                String g = r.fields().get(gene).strip();
                if (g.isEmpty()) {
                    throw new ModelException(t.at(r, gene), "empty gene symbol");
                }
                for (int c : cols) {
                    String v = r.fields().get(c).strip();
                    if (v.isEmpty() || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("NaN")) {
                        continue;
                    }
                    String sample = t.header().get(c);
                    int level = level(v, t.at(r, c), sample, g);
                    if (level != 0) {
                        out.add(new CopyNumber(sample, g, level, t.at(r, c)));
                    }
                }
            }
            List<String> samples = new ArrayList<>(names);
            return new VariantSet(t.file(), "CNA", samples, samples, out);
        }
    }

    private static int level(String v, SourceLocation at, String sample, String gene) {
        int level;
        try {
            level = Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            throw new ModelException(at, "sample '" + sample + "', gene " + gene + ": '" + v
                + "' is not a copy-number level (a whole number from -2 to 2, GISTIC thresholded)");
        }
        if (level < -2 || level > 2) {
            throw new ModelException(at, "sample '" + sample + "', gene " + gene + ": " + level + " is out of range (GISTIC levels are -2 to 2)");
        }
        return level;
    }
}
