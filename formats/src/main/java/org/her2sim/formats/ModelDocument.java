// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.colomoto.biolqm.LogicalModel;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.model.Network;

/**
 * A model as read from a file: the network and, for formats that carry one (MaBoSS's BND with
 * its CFG), the run configuration.
 *
 * @param network the network
 * @param config the configuration, when the format has one
 */
public record ModelDocument(Network network, Optional<RunConfig> config) {

    /** @throws NullPointerException when an argument is null */
    public ModelDocument {
        Objects.requireNonNull(network);
        Objects.requireNonNull(config);
    }

    /** A document with a network only. */
    public static ModelDocument of(Network network) {
        return new ModelDocument(network, Optional.empty());
    }

    /** The configuration's parameter values, or none. */
    public Map<String, Double> parameters() {
        return config.map(RunConfig::variables).orElse(Map.of());
    }

    /**
     * The network as a Boolean bioLQM model (see {@link BooleanConversion}).
     *
     * @throws org.her2sim.engine.model.ModelException when a node's logic cannot be evaluated
     */
    public LogicalModel toLogicalModel() {
        return BooleanConversion.toLogicalModel(network, parameters());
    }
}
