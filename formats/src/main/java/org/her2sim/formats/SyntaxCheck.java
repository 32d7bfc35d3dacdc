// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.colomoto.biolqm.io.antlr.BNetLexer;
import org.colomoto.biolqm.io.antlr.BNetParser;
import org.colomoto.biolqm.io.antlr.BooleanNetLexer;
import org.colomoto.biolqm.io.antlr.BooleanNetParser;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A syntax check run before bioLQM reads a file, so that a malformed file is refused with its
 * line and column: bioLQM's readers only print their parse errors and then fail without saying
 * where. The text formats are parsed with bioLQM's own grammars (so exactly what bioLQM accepts
 * passes); XML is parsed with the JDK's parser (no DTD fetched).
 */
public final class SyntaxCheck {
    private SyntaxCheck() {
    }

    /** Checks a bnet text; @throws ModelException at the first syntax error, with its line and column */
    public static void bnet(String text, String source) {
        operatorLimit(text, source);
        BNetLexer lexer = new BNetLexer(CharStreams.fromString(text));
        BNetParser parser = new BNetParser(new CommonTokenStream(lexer));
        run(lexer, parser, source, "bnet");
        parser.model();
    }

    /**
     * Refuses a bnet line with more binary operators ({@code |}, {@code &}) than the engine's expression depth limit,
     * or deeper parentheses, before bioLQM's recursive grammar spends seconds on it; same limit and message as
     * {@code maboss} gives for the file.
     */
    static void operatorLimit(String text, String source) {
        int max = org.her2sim.engine.expr.ExpressionParser.MAX_DEPTH;
        int line = 1;
        int col = 0;
        int ops = 0;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            col++;
            if (c == '\n') {
                line++;
                col = 0;
                ops = 0;
                depth = 0;
                continue;
            }
            if (c == '|' || c == '&') {
                ops++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (ops > max || depth > max / 4) {
                throw new ModelException(new SourceLocation(source, line, col), "expression nested too deeply (at most " + max
                    + " chained operators or about " + max / 4 + " nested parentheses)");
            }
        }
    }

    /** Checks a BooleanNet text; @throws ModelException at the first syntax error, with its line and column */
    public static void booleanNet(String text, String source) {
        BooleanNetLexer lexer = new BooleanNetLexer(CharStreams.fromString(text));
        BooleanNetParser parser = new BooleanNetParser(new CommonTokenStream(lexer));
        run(lexer, parser, source, "BooleanNet");
        parser.model();
    }

    private static void run(Lexer lexer, Parser parser, String source, String format) {
        BaseErrorListener fail = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                                    RecognitionException e) {
                throw new ModelException(new SourceLocation(source, line, column + 1), "not valid " + format + ": " + msg);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(fail);
        parser.removeErrorListeners();
        parser.addErrorListener(fail);
    }

    /** Checks that the content is well-formed XML; @throws ModelException at the first error, with its line and column */
    public static void xml(byte[] content, String source) throws IOException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var parser = f.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.parse(new ByteArrayInputStream(content), new DefaultHandler());
        } catch (SAXParseException e) {
            throw new ModelException(new SourceLocation(source, e.getLineNumber(), Math.max(e.getColumnNumber(), 0)),
                "not well-formed XML: " + e.getMessage());
        } catch (SAXException e) {
            throw new ModelException(SourceLocation.of(source), "not well-formed XML: " + e.getMessage());
        } catch (java.io.CharConversionException | java.io.UnsupportedEncodingException e) {
            throw new ModelException(SourceLocation.of(source), "not well-formed XML: unreadable encoding (" + e.getMessage() + ")");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
