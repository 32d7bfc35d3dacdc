// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.bnd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.ExpressionParser;
import org.her2sim.engine.expr.Token;
import org.her2sim.engine.expr.Token.Kind;
import org.her2sim.engine.expr.TokenStream;
import org.her2sim.engine.model.InputFiles;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.NetworkBuilder;

/**
 * Reads a network in MaBoSS's BND language. Accepted in one file, in any mix:
 * <ul>
 *   <li>{@code node NAME { attr = expr; ... }} (the keyword in any case), with
 *       {@code description = "text";} as the one string attribute;</li>
 *   <li>BoolNet one-liners {@code NAME : expr} or {@code NAME , expr}, ending at the end of the line;</li>
 *   <li>a {@code targets, factors} header line, skipped, so {@code .bnet} files load directly.</li>
 * </ul>
 */
public final class BndParser {
    private final TokenStream in;
    private final NetworkBuilder builder;

    private BndParser(TokenStream in, NetworkBuilder.Redeclaration redeclaration) {
        this.in = in;
        this.builder = new NetworkBuilder(in.source()).redeclaration(redeclaration);
    }

    /**
     * Reads a BND or bnet file.
     *
     * @throws ModelException on any syntax or semantic error, naming file, line and column
     * @throws IOException when the file cannot be read
     */
    public static Network read(Path file) throws IOException {
        return read(file, NetworkBuilder.Redeclaration.ERROR);
    }

    /** Reads a BND or bnet file, a node declared twice handled as {@code redeclaration} says. */
    public static Network read(Path file, NetworkBuilder.Redeclaration redeclaration) throws IOException {
        byte[] bytes = InputFiles.readBytes(file, InputFiles.MAX_TEXT_BYTES);
        String text;
        try {
            text = InputFiles.decode(file.toString(), bytes);
        } catch (ModelException e) {
            // MaBoSS's files are often Latin-1 in their comments
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return parse(file.toString(), text, redeclaration);
    }

    /**
     * Parses BND text.
     *
     * @param source the name used in messages
     * @throws ModelException on any error, naming source, line and column
     */
    public static Network parse(String source, String text) {
        return parse(source, text, NetworkBuilder.Redeclaration.ERROR);
    }

    /** Parses BND text, a node declared twice handled as {@code redeclaration} says. */
    public static Network parse(String source, String text, NetworkBuilder.Redeclaration redeclaration) {
        BndParser p = new BndParser(TokenStream.of(source, text), redeclaration);
        p.file();
        return p.builder.build();
    }

    private void file() {
        while (!in.at(Kind.EOF)) {
            Token t = in.peek();
            if (t.isWord("node") && in.peek(1).kind() == Kind.IDENT) {
                nodeBlock();
            } else if (t.isWord("targets") && in.peek(1).kind() == Kind.COMMA && in.peek(2).isWord("factors")) {
                in.next();
                in.next();
                in.next();
            } else if (t.kind() == Kind.IDENT && (in.peek(1).kind() == Kind.COLON || in.peek(1).kind() == Kind.COMMA)) {
                oneLiner();
            } else {
                throw in.error(t, "expected 'node NAME { ... }' or 'NAME : logic' but found " + t.describe());
            }
        }
    }

    private void nodeBlock() {
        in.next();
        Token name = in.expect(Kind.IDENT, "a node name");
        in.expect(Kind.LBRACE, "'{' after node " + name.text());
        Map<String, Expression> attrs = new LinkedHashMap<>();
        String description = null;
        while (!in.accept(Kind.RBRACE)) {
            Token attr = in.peek();
            if (attr.isWord("node") && in.peek(1).kind() == Kind.IDENT && in.peek(2).kind() == Kind.LBRACE) {
                throw in.error(attr, "node " + name.text() + " (line " + name.line() + ") is not closed: expected '}' before the next node");
            }
            if (attr.kind() != Kind.IDENT) {
                throw in.error(attr, "expected an attribute name or '}' in node " + name.text() + " but found " + attr.describe());
            }
            in.next();
            in.expect(Kind.ASSIGN, "'=' after attribute " + attr.text());
            if (attr.text().equals("description")) {
                if (description != null) {
                    throw in.error(attr, "attribute description of node " + name.text() + " is set twice");
                }
                Token s = in.peek();
                if (s.kind() == Kind.STRING) {
                    in.next();
                    description = s.text();
                } else {
                    throw in.error(s, "expected a string for the description of node " + name.text());
                }
            } else {
                if (attrs.containsKey(attr.text())) {
                    throw in.error(attr, "attribute " + attr.text() + " of node " + name.text() + " is set twice");
                }
                attrs.put(attr.text(), ExpressionParser.parse(in, builder::mention));
            }
            in.expect(Kind.SEMI, "';' after the value of " + name.text() + "." + attr.text());
        }
        in.accept(Kind.SEMI);
        builder.declare(name.text(), attrs, description, in.at(name));
    }

    private void oneLiner() {
        Token name = in.next();
        in.next();
        in.limitToLine(name.line());
        Expression logic;
        try {
            if (in.at(Kind.EOF)) {
                throw in.error(in.peek(), "expected the logic of " + name.text() + " on the same line");
            }
            logic = ExpressionParser.parse(in, builder::mention);
            in.accept(Kind.SEMI);
            Token rest = in.peek();
            if (rest.kind() != Kind.EOF) {
                throw in.error(rest, "unexpected " + rest.describe() + " after the logic of " + name.text());
            }
        } finally {
            in.limitToLine(Integer.MAX_VALUE);
        }
        Map<String, Expression> attrs = new LinkedHashMap<>();
        attrs.put("logic", logic);
        builder.declare(name.text(), attrs, null, new SourceLocation(in.source(), name.line(), name.column()));
    }
}
