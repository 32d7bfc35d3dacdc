// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

/**
 * A genomic position with its alleles, as in a VCF record.
 *
 * @param chrom the chromosome as written ({@code chr3} or {@code 3})
 * @param pos the 1-based position
 * @param ref the reference allele
 * @param alt the alternate allele
 * @param assembly the reference assembly the file declares ({@code GRCh38}, {@code hg19}, ...), or empty when it declares none
 */
public record Locus(String chrom, long pos, String ref, String alt, String assembly) {
    /** The chromosome without a {@code chr} prefix. */
    public String bareChrom() {
        return chrom.regionMatches(true, 0, "chr", 0, 3) ? chrom.substring(3) : chrom;
    }

    @Override
    public String toString() {
        return chrom + ":" + pos + " " + ref + ">" + alt;
    }
}
