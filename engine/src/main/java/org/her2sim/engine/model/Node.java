// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;

/**
 * One node of a logical network: its name, its position, and its attributes as written in the
 * BND file ({@code logic}, {@code rate_up}, {@code rate_down} and any user attribute).
 *
 * <p>Defaults follow MaBoSS: without {@code rate_up} the up rate is {@code @logic ? 1 : 0}; without
 * {@code rate_down} the down rate is {@code @logic ? 0 : 1}; a node with neither logic nor rates
 * has both rates 0 and keeps its initial value.
 */
public record Node(String name, int index, Map<String, Expression> attributes, String description,
                   SourceLocation declaredAt) {

    /** Attribute names with a meaning to the engine. */
    public static final String LOGIC = "logic";
    /** The rate of a 0 to 1 flip. */
    public static final String RATE_UP = "rate_up";
    /** The rate of a 1 to 0 flip. */
    public static final String RATE_DOWN = "rate_down";

    public Node {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The attribute, or null when the node does not define it. */
    public Expression attribute(String attr) {
        return attributes.get(attr);
    }

    /** The logic, or null. */
    public Expression logic() {
        return attributes.get(LOGIC);
    }

    /** A copy with one attribute replaced (or added). */
    public Node withAttribute(String attr, Expression value) {
        Map<String, Expression> m = new LinkedHashMap<>(attributes);
        m.put(attr, value);
        return new Node(name, index, m, description, declaredAt);
    }

    /** The up rate, with MaBoSS's default {@code @logic ? 1 : 0}, or 0 without logic. */
    public Expression rateUp() {
        Expression ru = attribute(RATE_UP);
        if (ru != null) {
            return ru;
        }
        Expression logic = logic();
        return logic == null ? Expression.constant(0) : new Expression.Conditional(logic, Expression.constant(1), Expression.constant(0));
    }

    /** The down rate, with MaBoSS's default {@code @logic ? 0 : 1}, or 0 without logic. */
    public Expression rateDown() {
        Expression rd = attribute(RATE_DOWN);
        if (rd != null) {
            return rd;
        }
        Expression logic = logic();
        return logic == null ? Expression.constant(0) : new Expression.Conditional(logic, Expression.constant(0), Expression.constant(1));
    }
}
