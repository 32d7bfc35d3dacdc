// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.Expression.AttrRef;
import org.her2sim.engine.expr.Expression.Binary;
import org.her2sim.engine.expr.Expression.Call;
import org.her2sim.engine.expr.Expression.Conditional;
import org.her2sim.engine.expr.Expression.NodeRef;
import org.her2sim.engine.expr.Expression.Unary;

/**
 * Collects node declarations and mentions, then builds a checked {@link Network}. Not thread-safe.
 *
 * <p>Checks at {@link #build()}: every node an expression mentions is declared; every
 * {@code @attr} names an attribute of its node; {@code @} references are not circular.
 */
public final class NetworkBuilder {
    private final String source;
    private final Map<String, Integer> order = new LinkedHashMap<>();
    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private Redeclaration redeclaration = Redeclaration.ERROR;

    /** What a second declaration of a node does (MaBoSS's default, {@code --override}, {@code --augment}). */
    public enum Redeclaration {
        /** an error */
        ERROR,
        /** the new declaration replaces the old one */
        OVERRIDE,
        /** the new attributes are added to the old ones, replacing those of the same name */
        AUGMENT
    }

    private record Declared(Map<String, Expression> attributes, String description, SourceLocation at) { }

    /** @param source the model's file name, for messages */
    public NetworkBuilder(String source) {
        this.source = source;
    }

    /** A builder holding a copy of a network, to change it. */
    public static NetworkBuilder from(Network network) {
        NetworkBuilder b = new NetworkBuilder(network.source());
        for (Node n : network.nodes()) {
            b.mention(n.name());
            b.declared.put(n.name(), new Declared(new LinkedHashMap<>(n.attributes()), n.description(), n.declaredAt()));
        }
        return b;
    }

    /** Records that a node name was met (fixes its position if it is the first time). */
    public NetworkBuilder mention(String name) {
        order.putIfAbsent(name, order.size());
        return this;
    }

    /** Sets what a second declaration of a node does; {@link Redeclaration#ERROR} by default. */
    public NetworkBuilder redeclaration(Redeclaration r) {
        this.redeclaration = java.util.Objects.requireNonNull(r);
        return this;
    }

    /** True when a node of that name was declared. */
    public boolean isDeclared(String name) {
        return declared.containsKey(name);
    }

    /**
     * Declares a node.
     *
     * @throws ModelException if the node was declared before
     */
    public NetworkBuilder declare(String name, Map<String, Expression> attributes, String description, SourceLocation at) {
        Declared old = declared.get(name);
        if (old != null && redeclaration == Redeclaration.ERROR) {
            throw new ModelException(at, "node " + name + " is declared twice (first at " + old.at() + ")");
        }
        mention(name);
        if (old != null && redeclaration == Redeclaration.AUGMENT) {
            old.attributes().putAll(attributes);
            declared.put(name, new Declared(old.attributes(), description != null ? description : old.description(), old.at()));
        } else {
            declared.put(name, new Declared(new LinkedHashMap<>(attributes), description, at));
        }
        return this;
    }

    /** Replaces one attribute of a declared node. */
    public NetworkBuilder setAttribute(String name, String attr, Expression value) {
        Declared d = declared.get(name);
        if (d == null) {
            throw new ModelException(SourceLocation.of(source), "no node named " + name);
        }
        d.attributes().put(attr, value);
        return this;
    }

    /**
     * Builds the network.
     *
     * @throws ModelException naming the first undeclared node, unknown attribute or circular {@code @} reference
     */
    public Network build() {
        return StackGuard.run(SourceLocation.of(source), this::buildChecked);
    }

    private Network buildChecked() {
        List<String> names = new ArrayList<>(order.keySet());
        List<Node> nodes = new ArrayList<>(names.size());
        for (String name : names) {
            Declared d = declared.get(name);
            if (d == null) {
                throw new ModelException(firstMention(name), "node " + name + " is used but never declared");
            }
        }
        for (String name : names) {
            Declared d = declared.get(name);
            for (Map.Entry<String, Expression> e : d.attributes().entrySet()) {
                checkRefs(name, d, e.getValue(), new ArrayList<>(List.of(e.getKey())));
            }
            nodes.add(new Node(name, nodes.size(), d.attributes(), d.description(), d.at()));
        }
        return new Network(nodes, source);
    }

    private void checkRefs(String node, Declared d, Expression e, List<String> path) {
        if (e instanceof AttrRef a) {
            Expression target = d.attributes().get(a.name());
            if (target == null) {
                throw new ModelException(a.at(), "node " + node + " has no attribute '" + a.name() + "' (used as @" + a.name() + ")");
            }
            if (path.contains(a.name())) {
                throw new ModelException(a.at(), "circular @ reference in node " + node + ": " + String.join(" -> ", path) + " -> " + a.name());
            }
            path.add(a.name());
            checkRefs(node, d, target, path);
            path.remove(path.size() - 1);
        } else if (e instanceof Unary u) {
            checkRefs(node, d, u.operand(), path);
        } else if (e instanceof Binary b) {
            checkRefs(node, d, b.left(), path);
            checkRefs(node, d, b.right(), path);
        } else if (e instanceof Conditional c) {
            checkRefs(node, d, c.condition(), path);
            checkRefs(node, d, c.ifTrue(), path);
            checkRefs(node, d, c.ifFalse(), path);
        } else if (e instanceof Call c) {
            for (Expression a : c.args()) {
                checkRefs(node, d, a, path);
            }
        }
    }

    private SourceLocation firstMention(String name) {
        for (Declared d : declared.values()) {
            for (Expression e : d.attributes().values()) {
                SourceLocation at = find(e, name);
                if (at != null) {
                    return at;
                }
            }
        }
        return SourceLocation.of(source);
    }

    private static SourceLocation find(Expression e, String name) {
        if (e instanceof NodeRef n) {
            return n.name().equals(name) ? n.at() : null;
        }
        if (e instanceof Unary u) {
            return find(u.operand(), name);
        }
        if (e instanceof Binary b) {
            SourceLocation l = find(b.left(), name);
            return l != null ? l : find(b.right(), name);
        }
        if (e instanceof Conditional c) {
            SourceLocation l = find(c.condition(), name);
            if (l == null) {
                l = find(c.ifTrue(), name);
            }
            return l != null ? l : find(c.ifFalse(), name);
        }
        if (e instanceof Call c) {
            for (Expression a : c.args()) {
                SourceLocation l = find(a, name);
                if (l != null) {
                    return l;
                }
            }
        }
        return null;
    }
}
