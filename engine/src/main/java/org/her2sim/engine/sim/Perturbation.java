// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import java.util.List;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.NetworkBuilder;
import org.her2sim.engine.model.Node;

/**
 * Knock-outs and knock-ins: a node fixed at 0 or 1 for the whole run. Its initial state is set
 * and both its rates become 0, so it never moves; its {@code logic} stays, for {@code @logic}
 * references. (MaBoSS's {@code $Low_X}/{@code $High_X} convention instead forces the node with a
 * huge rate after a random start; models written that way still run unchanged.)
 *
 * @param node the node's name
 * @param value 0 for a knock-out, 1 for a knock-in
 */
public record Perturbation(String node, int value) {

    /** A knock-out. */
    public static Perturbation knockOut(String node) {
        return new Perturbation(node, 0);
    }

    /** A knock-in (forced on). */
    public static Perturbation knockIn(String node) {
        return new Perturbation(node, 1);
    }

    /**
     * Applies perturbations to a network and the configuration being built for it.
     *
     * @param where names the option or field the perturbations came from, for errors
     * @return the perturbed network
     * @throws ModelException for an unknown node or a node both knocked out and in
     */
    public static Network apply(Network network, RunConfig.Builder config, List<Perturbation> perturbations, String where) {
        NetworkBuilder b = NetworkBuilder.from(network);
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (Perturbation p : perturbations) {
            if (network.node(p.node()) == null) {
                throw new ModelException(SourceLocation.of(where), "unknown node '" + p.node() + "' (the model has " + network.size() + " nodes)");
            }
            Integer old = seen.put(p.node(), p.value());
            if (old != null && old != p.value()) {
                throw new ModelException(SourceLocation.of(where), "node " + p.node() + " is both knocked out and knocked in");
            }
            b.setAttribute(p.node(), Node.RATE_UP, Expression.constant(0));
            b.setAttribute(p.node(), Node.RATE_DOWN, Expression.constant(0));
            config.clearIstate(p.node());
            config.clearSchedule(p.node());
            config.istate(p.node(), Expression.constant(p.value()), SourceLocation.of(where));
        }
        return b.build();
    }
}
