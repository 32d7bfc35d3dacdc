// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import java.util.List;

/**
 * What one file holds.
 *
 * @param file the file name used in messages
 * @param format a short name of the format ({@code VCF}, {@code MAF}, {@code CNA})
 * @param samples the samples to profile by default, in file order: in a VCF those with a
 *     non-reference genotype (or only the tumour sample the header names); every barcode of a MAF;
 *     every sample column of a copy-number table
 * @param declared every sample the file names, which {@code --sample} may pick
 * @param observations the variants, in file order
 */
public record VariantSet(String file, String format, List<String> samples, List<String> declared, List<Observation> observations) {
    public VariantSet {
        samples = List.copyOf(samples);
        declared = List.copyOf(declared);
        observations = List.copyOf(observations);
    }
}
