// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.colomoto.biolqm.LogicalModel;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.model.Network;

/**
 * A model as read from a file: the network and, for formats that carry them, the run
 * configuration (MaBoSS's BND with its CFG) and node positions (GINML).
 *
 * @param network the network
 * @param config the configuration, when the format has one
 * @param layout node positions by name; empty when the format has none
 */
public record ModelDocument(Network network, Optional<RunConfig> config, Map<String, Position> layout) {

    /**
     * Where a node is drawn, in pixels from the top left.
     *
     * @param x across
     * @param y down
     */
    public record Position(int x, int y) {
    }

    /** Copies the layout. @throws NullPointerException when an argument is null */
    public ModelDocument {
        Objects.requireNonNull(network);
        Objects.requireNonNull(config);
        layout = Collections.unmodifiableMap(new LinkedHashMap<>(layout));
    }

    /** A document without a layout. */
    public ModelDocument(Network network, Optional<RunConfig> config) {
        this(network, config, Map.of());
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
     * @throws org.her2sim.engine.error.ModelException when a node's logic cannot be evaluated
     */
    public LogicalModel toLogicalModel() {
        return org.her2sim.engine.model.StackGuard.run(org.her2sim.engine.error.SourceLocation.of(network.source()),
            () -> BooleanConversion.toLogicalModel(network, parameters()));
    }
}
