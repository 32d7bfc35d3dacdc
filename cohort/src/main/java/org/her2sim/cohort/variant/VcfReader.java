// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import htsjdk.tribble.readers.LineIteratorImpl;
import htsjdk.tribble.readers.SynchronousLineReader;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * Reads small variants from a VCF, plain or gzip/bgzip-compressed, through htsjdk's codec one line
 * at a time so every error names the file and line (and the column of the field when one field
 * is at fault).
 *
 * <p>Samples: with no sample columns the file's base name is the sample; a record is carried by a
 * sample whose GT holds the alternate allele (a record without GT is carried by every sample; a
 * no-call by none). A single sample is profiled whatever its genotypes; of several, those that
 * carry at least one variant, or, when the header names a tumour sample ({@code ##tumor_sample=},
 * as Mutect2 writes) or a sample is called {@code TUMOR}/{@code TUMOUR}, only that one.
 * Annotation: see {@link Annotations}; a record without ANN/CSQ keeps only its {@link Locus}, with
 * the assembly the header declares ({@code ##reference} or {@code ##contig assembly=}).
 * Spanning-deletion alleles ({@code *}) are not variants and are skipped. Not thread-safe.
 */
public final class VcfReader {
    private static final String[] FIXED = {"#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"};

    private final Path path;
    private final String file;
    private final VCFCodec codec = new VCFCodec();
    private List<String> samples = List.of();
    private String assembly = "";
    private String tumour;
    private Annotations annotations;
    private final Set<String> carriers = new LinkedHashSet<>();
    private final List<Observation> out = new ArrayList<>();

    private VcfReader(Path path) {
        this.path = path;
        this.file = path.toString();
    }

    /**
     * Reads a VCF.
     *
     * @throws ModelException for a malformed header or record, naming file, line and field
     * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException} when missing)
     */
    public static VariantSet read(Path path) throws IOException {
        return new VcfReader(path).run();
    }

    private VariantSet run() throws IOException {
        try (BufferedReader in = TextInput.open(path)) {
            int line = header(in);
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                record(text, line);
            }
        } catch (java.util.zip.ZipException e) {
            throw new ModelException(SourceLocation.of(file), "not a valid gzip/bgzip file: " + e.getMessage());
        }
        List<String> declared = samples.isEmpty() ? List.of(TextInput.baseName(path, ".vcf")) : samples;
        List<String> chosen;
        if (samples.isEmpty()) {
            chosen = declared;
        } else if (tumour != null) {
            chosen = List.of(tumour);
        } else if (samples.size() == 1) {
            chosen = samples;
        } else {
            chosen = samples.stream().filter(carriers::contains).toList();
        }
        return new VariantSet(file, "VCF", chosen, declared, out);
    }

    /** Reads the header through the {@code #CHROM} line; returns the number of lines read. */
    private int header(BufferedReader in) throws IOException {
        StringBuilder text = new StringBuilder();
        int line = 0;
        String s;
        while ((s = in.readLine()) != null) {
            line++;
            text.append(s).append('\n');
            if (s.startsWith("##")) {
                meta(s);
                continue;
            }
            if (s.startsWith("#")) {
                columns(s, line);
                break;
            }
            throw new ModelException(new SourceLocation(file, line, 1), line == 1
                ? "not a VCF: the first line must be '##fileformat=VCFv4.x'"
                : "a record before the '#CHROM' header line");
        }
        if (s == null) {
            throw new ModelException(new SourceLocation(file, Math.max(line, 1), 0), "not a VCF: no '#CHROM' header line");
        }
        if (line == 1 || !text.toString().startsWith("##fileformat=VCF")) {
            throw new ModelException(new SourceLocation(file, 1, 1), "not a VCF: the first line must be '##fileformat=VCFv4.x'");
        }
        SourceLocation at = new SourceLocation(file, line, 0);
        VCFHeader header;
        try {
            header = (VCFHeader) codec.readActualHeader(new LineIteratorImpl(new SynchronousLineReader(new StringReader(text.toString()))));
        } catch (RuntimeException e) {
            throw new ModelException(SourceLocation.of(file), "malformed VCF header: " + e.getMessage());
        }
        annotations = Annotations.of(header, at);
        return line;
    }

    private void meta(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("##tumor_sample=")) {
            tumour = s.substring("##tumor_sample=".length()).strip();
        }
        if (assembly.isEmpty() && (lower.startsWith("##reference=") || lower.startsWith("##contig=") || lower.startsWith("##assembly="))) {
            assembly = Assembly.find(lower);
        }
    }

    private void columns(String s, int line) {
        String[] f = s.split("\t", -1);
        for (int i = 0; i < FIXED.length; i++) {
            if (i >= f.length || !f[i].equals(FIXED[i])) {
                throw new ModelException(new SourceLocation(file, line, column(f, i)), "header line: column " + (i + 1) + " must be '"
                    + FIXED[i] + "', found '" + (i < f.length ? f[i] : "") + "' (columns are tab-separated)");
            }
        }
        if (f.length > FIXED.length) {
            if (!f[FIXED.length].equals("FORMAT")) {
                throw new ModelException(new SourceLocation(file, line, column(f, FIXED.length)),
                    "header line: column 9 must be 'FORMAT', found '" + f[FIXED.length] + "'");
            }
            samples = List.of(f).subList(FIXED.length + 1, f.length);
            if (new LinkedHashSet<>(samples).size() != samples.size()) {
                throw new ModelException(new SourceLocation(file, line, 0), "header line: a sample name is repeated");
            }
        }
        if (tumour == null) {
            tumour = samples.stream().filter(x -> x.equalsIgnoreCase("TUMOR") || x.equalsIgnoreCase("TUMOUR")).findFirst().orElse(null);
        }
        if (tumour != null && !samples.isEmpty() && !samples.contains(tumour)) {
            throw new ModelException(new SourceLocation(file, line, 0), "the header names tumour sample '" + tumour
                + "' but it is not a sample column (samples: " + String.join(", ", samples) + ")");
        }
    }

    /** The 1-based character column of field {@code i} of a tab-separated line. */
    static int column(String[] f, int i) {
        int col = 1;
        for (int k = 0; k < i && k < f.length; k++) {
            col += f[k].length() + 1;
        }
        return col;
    }

    private void record(String text, int line) {
        String[] f = text.split("\t", -1);
        SourceLocation at = new SourceLocation(file, line, 0);
        int expected = samples.isEmpty() ? FIXED.length : FIXED.length + 1 + samples.size();
        if (f.length < FIXED.length || (!samples.isEmpty() && f.length != expected)) {
            throw new ModelException(at, "expected " + expected + " tab-separated columns (" + (samples.isEmpty()
                ? "CHROM to INFO" : "CHROM to INFO, FORMAT and " + samples.size() + " sample" + (samples.size() == 1 ? "" : "s"))
                + "), found " + f.length);
        }
        if (!f[1].matches("\\d+") || f[1].equals("0")) {
            throw new ModelException(new SourceLocation(file, line, column(f, 1)), "POS: '" + f[1] + "' is not a position (a whole number from 1)");
        }
        if (!f[3].matches("(?i)[ACGTN]+")) {
            throw new ModelException(new SourceLocation(file, line, column(f, 3)), "REF: '" + f[3] + "' is not a sequence of A, C, G, T, N");
        }
        VariantContext vc;
        try {
            vc = codec.decode(text);
            vc.getGenotypes().forEach(Genotype::getAlleles);
        } catch (RuntimeException e) {
            throw new ModelException(at, "malformed VCF record: " + e.getMessage());
        }
        String filter = vc.isFiltered() ? String.join(";", vc.getFilters()) : "";
        boolean hasGt = f.length > FIXED.length && List.of(f[FIXED.length].split(":")).contains("GT");
        for (Allele alt : vc.getAlternateAlleles()) {
            String a = alt.getDisplayString();
            if (a.equals("*")) {
                continue;
            }
            Annotations.Pick pick = annotations == null ? null : annotations.pick(vc, f[3], a, new SourceLocation(file, line, column(f, 7)));
            Locus locus = new Locus(f[0], Long.parseLong(f[1]), f[3].toUpperCase(Locale.ROOT), a.toUpperCase(Locale.ROOT), assembly);
            String gene = pick == null ? "" : pick.gene();
            String protein = pick == null ? "" : pick.protein();
            List<String> terms = pick == null ? List.of() : pick.consequences();
            if (samples.isEmpty()) {
                out.add(new Mutation(TextInput.baseName(path, ".vcf"), gene, protein, terms, locus, filter, at));
                continue;
            }
            for (String s : samples) {
                Genotype g = vc.getGenotype(s);
                boolean carried = !hasGt || (g != null && g.getAlleles().contains(alt));
                if (carried) {
                    carriers.add(s);
                    out.add(new Mutation(s, gene, protein, terms, locus, filter, at));
                }
            }
        }
    }
}
