// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * The functional annotation of VCF records: SnpEff's {@code ANN} (fixed field order) or
 * Ensembl VEP's {@code CSQ} (field order from the header's {@code Format:} list). For each
 * alternate allele one annotation is used: SnpEff's first for the allele (SnpEff sorts by
 * impact); VEP's {@code CANONICAL=YES} one, else {@code PICK=1}, else the first.
 */
final class Annotations {
    /** The annotation used for one allele. */
    record Pick(String gene, String protein, List<String> consequences) { }

    private static final int ANN_FIELDS = 11;

    private final String key;
    private final List<String> csqFields;

    private Annotations(String key, List<String> csqFields) {
        this.key = key;
        this.csqFields = csqFields;
    }

    /** The annotation the header declares (ANN first, then CSQ), or null for none. */
    static Annotations of(VCFHeader header, SourceLocation headerAt) {
        if (header.getInfoHeaderLine("ANN") != null) {
            return new Annotations("ANN", List.of());
        }
        VCFInfoHeaderLine csq = header.getInfoHeaderLine("CSQ");
        if (csq == null) {
            return null;
        }
        String d = csq.getDescription();
        int f = d.indexOf("Format:");
        if (f < 0) {
            throw new ModelException(headerAt, "INFO CSQ header: no 'Format: Allele|Consequence|...' in its Description");
        }
        List<String> fields = Arrays.stream(d.substring(f + "Format:".length()).strip().split("\\|"))
            .map(String::strip).toList();
        for (String need : List.of("Allele", "Consequence", "SYMBOL")) {
            if (!fields.contains(need)) {
                throw new ModelException(headerAt, "INFO CSQ header: its Format has no '" + need + "' field (fields: "
                    + String.join("|", fields) + ")");
            }
        }
        return new Annotations("CSQ", fields);
    }

    /** The INFO key read. */
    String key() {
        return key;
    }

    /**
     * The annotation of one alternate allele, or null when the record has none for it.
     *
     * @throws ModelException naming the record's line and the INFO key when an entry is malformed
     */
    Pick pick(VariantContext vc, String ref, String alt, SourceLocation at) {
        List<String> entries = vc.getAttributeAsStringList(key, "");
        List<String[]> mine = new ArrayList<>();
        List<String[]> all = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            if (e.isEmpty() || e.equals(".")) {
                continue;
            }
            String[] f = e.split("\\|", -1);
            int need = key.equals("ANN") ? ANN_FIELDS : csqFields.size();
            if (key.equals("ANN") ? f.length < need : f.length != need) {
                throw new ModelException(at, "INFO " + key + " entry " + (i + 1) + ": expected " + (key.equals("ANN") ? "at least " : "")
                    + need + " '|'-separated fields, found " + f.length);
            }
            all.add(f);
            if (sameAllele(f[key.equals("ANN") ? 0 : csqFields.indexOf("Allele")], ref, alt)) {
                mine.add(f);
            }
        }
        if (mine.isEmpty() && vc.getAlternateAlleles().size() == 1) {
            mine = all;
        }
        if (mine.isEmpty()) {
            return null;
        }
        return key.equals("ANN") ? ann(mine.get(0)) : csq(mine);
    }

    private static boolean sameAllele(String annotated, String ref, String alt) {
        if (annotated.equalsIgnoreCase(alt)) {
            return true;
        }
        // VEP drops the base shared with REF: AT>A is '-', A>AT is 'T'
        if (!ref.isEmpty() && !alt.isEmpty() && ref.charAt(0) == alt.charAt(0)) {
            String trimmed = alt.substring(1);
            return annotated.equalsIgnoreCase(trimmed.isEmpty() ? "-" : trimmed);
        }
        return false;
    }

    private static Pick ann(String[] f) {
        return new Pick(f[3].strip(), ProteinChange.normalise(f[10]), terms(f[1]));
    }

    private Pick csq(List<String[]> entries) {
        String[] chosen = entries.get(0);
        int canonical = csqFields.indexOf("CANONICAL");
        int pick = csqFields.indexOf("PICK");
        String[] byPick = null;
        for (String[] f : entries) {
            if (canonical >= 0 && f[canonical].equalsIgnoreCase("YES")) {
                chosen = f;
                byPick = null;
                break;
            }
            if (pick >= 0 && f[pick].equals("1") && byPick == null) {
                byPick = f;
            }
        }
        if (byPick != null) {
            chosen = byPick;
        }
        String protein = field(chosen, "HGVSp");
        protein = ProteinChange.normalise(protein);
        if (protein.isEmpty()) {
            protein = fromAminoAcids(field(chosen, "Amino_acids"), field(chosen, "Protein_position"));
        }
        return new Pick(field(chosen, "SYMBOL").strip(), protein, terms(field(chosen, "Consequence")));
    }

    private String field(String[] f, String name) {
        int i = csqFields.indexOf(name);
        return i < 0 ? "" : f[i];
    }

    /** VEP's default output without HGVS: {@code Amino_acids=H/R}, {@code Protein_position=1047} is {@code H1047R}. */
    private static String fromAminoAcids(String aa, String position) {
        String[] ab = aa.split("/");
        if (ab.length == 2 && ab[0].length() == 1 && ab[1].length() == 1 && position.matches("\\d+")) {
            return ab[0].toUpperCase(Locale.ROOT) + position + ab[1].toUpperCase(Locale.ROOT);
        }
        return "";
    }

    private static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.split("&")) {
            if (!t.isBlank()) {
                out.add(t.strip());
            }
        }
        return out;
    }
}
