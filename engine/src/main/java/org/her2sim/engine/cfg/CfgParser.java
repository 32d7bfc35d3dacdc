// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.cfg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.cfg.RunConfig.GroupEntry;
import org.her2sim.engine.cfg.RunConfig.IstateGroup;
import org.her2sim.engine.cfg.RunConfig.ScheduleEntry;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionCompiler;
import org.her2sim.engine.expr.ExpressionParser;
import org.her2sim.engine.expr.Token;
import org.her2sim.engine.expr.Token.Kind;
import org.her2sim.engine.expr.TokenStream;
import org.her2sim.engine.model.InputFiles;
import org.her2sim.engine.model.Network;

/**
 * Reads MaBoSS CFG statements onto a {@link RunConfig.Builder}. Statements end with {@code ;}:
 * <pre>
 *   time_tick = 0.5;                 global settings (see {@link RunConfig#defaults()})
 *   $k = 1/24;                       parameters (evaluated at once, in order)
 *   X.istate = 1;                    0, 1, or negative for random
 *   [A, B].istate = 0.3 [0, 1], 0.7 [1, 0];
 *   X.is_internal = 1;  X.refstate = 0;  X.in_graph = 1;
 *   X.schedule = 20: 0.1, 40: 0.9;   at t = 20, X is redrawn to 1 with probability 0.1
 * </pre>
 * A file holding only comments is a valid empty configuration.
 */
public final class CfgParser {
    private final TokenStream in;
    private final Network network;
    private final RunConfig.Builder out;

    private CfgParser(TokenStream in, Network network, RunConfig.Builder out) {
        this.in = in;
        this.network = network;
        this.out = out;
    }

    /**
     * Applies a CFG file to a builder.
     *
     * @throws ModelException naming file, line and column
     * @throws IOException when the file cannot be read
     */
    public static void apply(Path file, Network network, RunConfig.Builder out) throws IOException {
        apply(file.toString(), InputFiles.readText(file), network, out);
    }

    /** Applies CFG text (a file's content or an {@code -e} snippet) to a builder. */
    public static void apply(String source, String text, Network network, RunConfig.Builder out) {
        out.source(source);
        new CfgParser(TokenStream.of(source, text), network, out).statements();
    }

    private void statements() {
        while (!in.at(Kind.EOF)) {
            Token t = in.peek();
            switch (t.kind()) {
                case VARIABLE -> variable();
                case LBRACKET -> group();
                case IDENT -> {
                    if (in.peek(1).kind() == Kind.DOT) {
                        nodeSetting();
                    } else {
                        global();
                    }
                }
                default -> throw in.error(t, "expected a setting, '$name', 'NODE.attribute' or '[A, B].istate' but found " + t.describe());
            }
        }
    }

    private double constant(Expression e, String what) {
        return ExpressionCompiler.evaluateConstant(e, out.variables(), what);
    }

    private void variable() {
        Token name = in.next();
        in.expect(Kind.ASSIGN, "'=' after $" + name.text());
        Expression e = ExpressionParser.parse(in);
        in.expect(Kind.SEMI, "';' after the value of $" + name.text());
        out.variable(name.text(), constant(e, "a parameter value"));
    }

    private void global() {
        Token name = in.next();
        in.expect(Kind.ASSIGN, "'=' after " + name.text());
        Expression e = ExpressionParser.parse(in);
        in.expect(Kind.SEMI, "';' after the value of " + name.text());
        out.global(name.text(), constant(e, "a setting"), in.at(name));
    }

    private String nodeName(Token t) {
        if (network.node(t.text()) == null) {
            throw in.error(t, "unknown node '" + t.text() + "'");
        }
        return t.text();
    }

    private void nodeSetting() {
        Token nodeTok = in.next();
        String node = nodeName(nodeTok);
        in.expect(Kind.DOT, "'.'");
        Token attr = in.expect(Kind.IDENT, "an attribute (istate, is_internal, refstate, in_graph, schedule)");
        in.expect(Kind.ASSIGN, "'=' after " + node + "." + attr.text());
        switch (attr.text()) {
            case "istate" -> {
                Expression e = ExpressionParser.parse(in);
                out.istate(node, e, in.at(nodeTok));
            }
            case "is_internal" -> out.internal(node, constant(ExpressionParser.parse(in), "is_internal") != 0);
            case "in_graph" -> out.inGraph(node, constant(ExpressionParser.parse(in), "in_graph") != 0);
            case "refstate" -> {
                Token vt = in.peek();
                double v = constant(ExpressionParser.parse(in), "refstate");
                if (Double.isNaN(v) || (v != 0 && v != 1 && v >= 0)) {
                    throw in.error(vt, "refstate of " + node + " must be 0, 1 or negative, not " + v);
                }
                out.refstate(node, v < 0 ? -1 : (int) v);
            }
            case "schedule" -> schedule(node);
            default -> throw in.error(attr, "unknown node setting '" + attr.text() + "' (known: istate, is_internal, refstate, in_graph, schedule)");
        }
        in.expect(Kind.SEMI, "';' after the value of " + node + "." + attr.text());
    }

    private void schedule(String node) {
        out.clearSchedule(node);
        do {
            Token at = in.peek();
            double time = constant(ExpressionParser.parse(in), "a schedule time");
            if (!(time >= 0) || Double.isInfinite(time)) {
                throw in.error(at, "schedule time must be a finite number >= 0, not " + time);
            }
            in.expect(Kind.COLON, "':' between a schedule time and its probability");
            Expression p = ExpressionParser.parse(in);
            out.schedule(new ScheduleEntry(node, time, p, in.at(at)));
        } while (in.accept(Kind.COMMA));
    }

    private void group() {
        Token open = in.next();
        List<String> nodes = new ArrayList<>();
        do {
            String n = nodeName(in.expect(Kind.IDENT, "a node name"));
            if (nodes.contains(n)) {
                throw in.error(open, "node " + n + " appears twice in the group");
            }
            nodes.add(n);
        } while (in.accept(Kind.COMMA));
        in.expect(Kind.RBRACKET, "']'");
        in.expect(Kind.DOT, "'.'");
        Token attr = in.expect(Kind.IDENT, "'istate'");
        if (!attr.text().equals("istate")) {
            throw in.error(attr, "a node group only takes 'istate', not '" + attr.text() + "'");
        }
        in.expect(Kind.ASSIGN, "'='");
        List<GroupEntry> entries = new ArrayList<>();
        do {
            Expression weight = ExpressionParser.parse(in);
            Token lb = in.expect(Kind.LBRACKET, "'[' starting the values of the group");
            List<Expression> values = new ArrayList<>();
            do {
                values.add(ExpressionParser.parse(in));
            } while (in.accept(Kind.COMMA));
            in.expect(Kind.RBRACKET, "']'");
            if (values.size() != nodes.size()) {
                throw in.error(lb, "the group has " + nodes.size() + " nodes but this entry gives " + values.size() + " values");
            }
            entries.add(new GroupEntry(weight, values));
        } while (in.accept(Kind.COMMA));
        in.expect(Kind.SEMI, "';' after the group istate");
        out.istateGroup(new IstateGroup(nodes, entries, in.at(open)));
    }
}
