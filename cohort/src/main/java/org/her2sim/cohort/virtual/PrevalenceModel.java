// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What virtual patients are drawn from ({@code cohort/prevalence.yaml}): the joint PIK3CA/PTEN
 * cells per setting, the independent features, and the covariate distributions. Immutable.
 */
public final class PrevalenceModel {
    /** The bundled model's classpath resource. */
    public static final String RESOURCE = "cohort/prevalence.yaml";
    /** The feature id of a PIK3CA activating mutation (drawn jointly with {@link #PTEN_LOSS}). */
    public static final String PIK3CA = "pik3ca_mutation";
    /** The feature id of PTEN loss. */
    public static final String PTEN_LOSS = "pten_loss";

    /**
     * The covariate distributions.
     *
     * @param weightMedian lognormal median weight, kg
     * @param weightCv its coefficient of variation
     * @param weightMin lower clamp, kg
     * @param weightMax upper clamp, kg
     * @param ecdMu mean of log serum ECD (ng/mL)
     * @param ecdSigma standard deviation of log serum ECD
     * @param ecdElevated the "elevated" cut-off, ng/mL
     * @param ecdElevatedFraction the fraction above it
     * @param sitesExtraMean mean of the Poisson count of sites beyond the first
     * @param sitesMax the most sites
     */
    public record Covariates(double weightMedian, double weightCv, double weightMin, double weightMax, double ecdMu, double ecdSigma,
                             double ecdElevated, double ecdElevatedFraction, double sitesExtraMean, int sitesMax) { }

    private final String source;
    private final Map<String, String> sources;
    private final Map<Setting, double[]> cells;
    private final List<Feature> features;
    private final Covariates covariates;

    PrevalenceModel(String source, Map<String, String> sources, Map<Setting, double[]> cells, List<Feature> features, Covariates covariates) {
        this.source = source;
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        Map<Setting, double[]> c = new EnumMap<>(Setting.class);
        cells.forEach((k, v) -> c.put(k, v.clone()));
        this.cells = c;
        this.features = List.copyOf(features);
        this.covariates = covariates;
    }

    /** The bundled model. */
    public static PrevalenceModel load() throws IOException {
        try (InputStream in = PrevalenceModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCE);
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Parses a model.
     *
     * @param source the name used in messages
     * @throws org.her2sim.engine.error.ModelException for a malformed entry, naming file, line and column
     */
    public static PrevalenceModel parse(String source, String text) {
        return new PrevalenceReader(source, text).read();
    }

    /** Where it was read from. */
    public String source() {
        return source;
    }

    /** Source id to citation. */
    public Map<String, String> sources() {
        return sources;
    }

    /** Every feature, {@link #PIK3CA} and {@link #PTEN_LOSS} first, then the file's order. */
    public List<Feature> features() {
        return features;
    }

    /** A feature by id, or null. */
    public Feature feature(String id) {
        return features.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    /** The covariate distributions. */
    public Covariates covariates() {
        return covariates;
    }

    /** The PIK3CA/PTEN cells of a setting: PIK3CA only, PTEN loss only, both, neither (they sum to 1). */
    public double[] cells(Setting s) {
        return cells.get(s).clone();
    }

    /** The probability of PIK3CA mutation or PTEN loss or both in a setting. */
    public double either(Setting s) {
        double[] c = cells.get(s);
        return c[0] + c[1] + c[2];
    }
}
