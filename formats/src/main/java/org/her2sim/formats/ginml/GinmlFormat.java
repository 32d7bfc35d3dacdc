// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.ginml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.biolqm.NodeInfo;
import org.colomoto.mddlib.MDDManager;
import org.colomoto.mddlib.MDDVariable;
import org.colomoto.mddlib.VariableEffect;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.expr.Expression.Binary;
import org.her2sim.engine.expr.Expression.BinaryOp;
import org.her2sim.engine.expr.Expression.Constant;
import org.her2sim.engine.expr.Expression.NodeRef;
import org.her2sim.engine.expr.Expression.Unary;
import org.her2sim.engine.expr.Expression.UnaryOp;
import org.her2sim.engine.expr.ExpressionParser;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.model.InputFiles;
import org.her2sim.engine.model.NetworkBuilder;
import org.her2sim.engine.model.Node;
import org.her2sim.formats.BooleanConversion;
import org.her2sim.formats.Format;
import org.her2sim.formats.ModelDocument;
import org.her2sim.formats.ModelDocument.Position;
import org.her2sim.formats.ModelReader;
import org.her2sim.formats.ModelWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * GINsim's GINML regulatory graphs (Boolean ones), read and written with the JDK's XML parser;
 * {@code .zginml} is the same document zipped as {@code GINsim-data/regulatoryGraph.ginml}.
 *
 * <p>Reading: each {@code <node>} becomes a node, in the graph's {@code nodeorder}. Its function
 * is the disjunction of the {@code <exp str="...">} expressions under {@code <value val="1">}
 * (GINsim's syntax {@code ! & |} and parentheses); with {@code basevalue="1"} it is the negation
 * of those under {@code <value val="0">}. Older files that give logical parameters instead
 * ({@code <parameter idActiveInteractions="B:A C:A" val="1"/>}) are read too: a parameter holds
 * when exactly its interactions are active. A node marked {@code input="true"} keeps its value.
 * A node with {@code maxvalue} above 1 is refused, naming the file and node. No DTD is fetched.
 *
 * <p>Writing: one {@code <value val="1">} per node with the function as a sum of products, and
 * one {@code <edge>} per regulation with its sign, so that GINsim opens the file. Each node gets
 * a position ({@code <nodevisualsetting x y>}): the one read from a GINML input when there is
 * one, otherwise from {@link AutoLayout}. Positions are read from {@code nodevisualsetting}.
 */
public final class GinmlFormat implements Format {
    private static final String ZIP_ENTRY = "GINsim-data/regulatoryGraph.ginml";
    private final boolean zipped;

    /** The plain {@code .ginml} format; registered through {@link java.util.ServiceLoader}. */
    public GinmlFormat() {
        this(false);
    }

    /** @param zipped true for {@code .zginml} */
    GinmlFormat(boolean zipped) {
        this.zipped = zipped;
    }

    /** The zipped {@code .zginml} format. */
    public static final class Zipped implements Format {
        private final GinmlFormat inner = new GinmlFormat(true);

        /** Registered through {@link java.util.ServiceLoader}. */
        public Zipped() {
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public List<String> extensions() {
            return inner.extensions();
        }

        @Override
        public Optional<ModelReader> reader() {
            return inner.reader();
        }

        @Override
        public Optional<ModelWriter> writer() {
            return inner.writer();
        }
    }

    @Override
    public String id() {
        return zipped ? "zginml" : "ginml";
    }

    @Override
    public List<String> extensions() {
        return List.of(zipped ? "zginml" : "ginml");
    }

    @Override
    public Optional<ModelReader> reader() {
        return Optional.of(this::read);
    }

    @Override
    public Optional<ModelWriter> writer() {
        return Optional.of((model, file, outs) -> {
            LogicalModel lm = model.toLogicalModel();
            String name = file.getFileName().toString().replaceFirst("\\.z?ginml$", "");
            outs.writeBinary(file, os -> {
                if (zipped) {
                    ZipOutputStream zip = new ZipOutputStream(os, StandardCharsets.UTF_8);
                    zip.putNextEntry(new ZipEntry(ZIP_ENTRY));
                    writeXml(lm, name, model.layout(), zip);
                    zip.closeEntry();
                    zip.finish();
                } else {
                    writeXml(lm, name, model.layout(), os);
                }
            });
        });
    }

    private ModelDocument read(Path file) throws IOException {
        InputFiles.checkFile(file, InputFiles.MAX_TEXT_BYTES);
        String source = file.toString();
        byte[] xml = zipped ? unzip(file) : Files.readAllBytes(file);
        Document doc;
        try {
            doc = parser().parse(new ByteArrayInputStream(xml), file.toUri().toString());
        } catch (SAXException e) {
            throw new ModelException(SourceLocation.of(source), "not well-formed GINML: " + e.getMessage());
        } catch (java.io.CharConversionException | java.io.UnsupportedEncodingException e) {
            throw new ModelException(SourceLocation.of(source), "not well-formed GINML: unreadable encoding (" + e.getMessage() + ")");
        }
        NodeList graphs = doc.getElementsByTagName("graph");
        if (graphs.getLength() == 0) {
            throw new ModelException(SourceLocation.of(source), "no <graph> element: not a GINML regulatory graph");
        }
        Element graph = (Element) graphs.item(0);
        Map<String, Element> nodes = new LinkedHashMap<>();
        for (Element n : children(graph, "node")) {
            String id = n.getAttribute("id");
            if (id.isEmpty()) {
                throw new ModelException(SourceLocation.of(source + ": <node>"), "a node has no id");
            }
            nodes.put(id, n);
        }
        Map<String, Element> edges = new LinkedHashMap<>();
        for (Element e : children(graph, "edge")) {
            edges.put(e.getAttribute("id"), e);
        }
        NetworkBuilder b = new NetworkBuilder(source);
        List<String> order = new ArrayList<>();
        for (String id : graph.getAttribute("nodeorder").split("\\s+")) {
            if (!id.isEmpty() && nodes.containsKey(id)) {
                order.add(id);
            }
        }
        for (String id : nodes.keySet()) {
            if (!order.contains(id)) {
                order.add(id);
            }
        }
        order.forEach(b::mention);
        Map<String, Position> layout = new LinkedHashMap<>();
        for (String id : order) {
            Element n = nodes.get(id);
            Position p = position(n);
            if (p != null) {
                layout.put(id, p);
            }
            SourceLocation at = SourceLocation.of(source + ": node " + id);
            String max = n.getAttribute("maxvalue");
            if (!max.isEmpty() && !max.equals("1")) {
                throw new ModelException(at, "node " + id + " is multi-valued (maxvalue " + max + "); only Boolean models are supported");
            }
            Map<String, Expression> attrs = new LinkedHashMap<>();
            attrs.put(Node.LOGIC, logic(n, id, edges, nodes, at));
            b.declare(id, attrs, null, at);
        }
        try {
            return new ModelDocument(b.build(), Optional.empty(), layout);
        } catch (ModelException e) {
            throw new ModelException(SourceLocation.of(source), e.getMessage());
        }
    }

    private static Expression logic(Element n, String id, Map<String, Element> edges, Map<String, Element> nodes, SourceLocation at) {
        if ("true".equals(n.getAttribute("input"))) {
            return new NodeRef(id, at);
        }
        boolean base = "1".equals(n.getAttribute("basevalue"));
        String wanted = base ? "0" : "1";
        List<Expression> terms = new ArrayList<>();
        for (Element v : children(n, "value")) {
            if (!wanted.equals(v.getAttribute("val"))) {
                continue;
            }
            for (Element exp : children(v, "exp")) {
                String text = exp.getAttribute("str");
                try {
                    terms.add(ExpressionParser.parse(at.source(), text));
                } catch (ModelException e) {
                    throw new ModelException(at, "cannot read the expression '" + text + "': " + e.getMessage());
                }
            }
        }
        for (Element p : children(n, "parameter")) {
            if (!wanted.equals(p.getAttribute("val"))) {
                continue;
            }
            terms.add(parameter(p, id, edges, nodes, at));
        }
        Expression any = or(terms);
        return base ? new Unary(UnaryOp.NOT, any) : any;
    }

    /** A logical parameter: its interactions active, every other incoming interaction inactive. */
    private static Expression parameter(Element p, String id, Map<String, Element> edges, Map<String, Element> nodes, SourceLocation at) {
        List<String> active = List.of(p.getAttribute("idActiveInteractions").trim().split("\\s+"));
        List<Expression> literals = new ArrayList<>();
        for (Map.Entry<String, Element> e : edges.entrySet()) {
            Element edge = e.getValue();
            if (!edge.getAttribute("to").equals(id)) {
                continue;
            }
            String from = edge.getAttribute("from");
            if (!nodes.containsKey(from)) {
                throw new ModelException(at, "interaction " + e.getKey() + " comes from an unknown node " + from);
            }
            String min = edge.getAttribute("minvalue");
            if (!min.isEmpty() && !min.equals("1")) {
                throw new ModelException(at, "interaction " + e.getKey() + " has minvalue " + min + "; only Boolean models are supported");
            }
            NodeRef ref = new NodeRef(from, at);
            literals.add(active.contains(e.getKey()) ? ref : new Unary(UnaryOp.NOT, ref));
        }
        for (String a : active) {
            if (!a.isEmpty() && !edges.containsKey(a)) {
                throw new ModelException(at, "parameter of node " + id + " names an unknown interaction " + a);
            }
        }
        if (literals.isEmpty()) {
            return new Constant(1);
        }
        Expression t = literals.get(0);
        for (int i = 1; i < literals.size(); i++) {
            t = new Binary(BinaryOp.AND, t, literals.get(i));
        }
        return t;
    }

    private static Expression or(List<Expression> terms) {
        if (terms.isEmpty()) {
            return new Constant(0);
        }
        Expression out = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            out = new Binary(BinaryOp.OR, out, terms.get(i));
        }
        return out;
    }

    private static void writeXml(LogicalModel lm, String name, Map<String, Position> layout, OutputStream os) throws IOException {
        Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        List<NodeInfo> comps = lm.getComponents();
        MDDManager ddm = lm.getMDDManager();
        int[] functions = lm.getLogicalFunctions();
        Map<String, Position> at = AutoLayout.of(BooleanConversion.names(lm), regulators(lm), layout);
        StringBuilder order = new StringBuilder();
        for (NodeInfo c : comps) {
            order.append(order.length() > 0 ? " " : "").append(c.getNodeID());
        }
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<!DOCTYPE gxl SYSTEM \"http://ginsim.org/GINML_2_2.dtd\">\n");
        w.write("<gxl xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n");
        w.write("  <graph class=\"regulatory\" id=\"" + attr(name.isEmpty() ? "model" : name) + "\" nodeorder=\"" + attr(order.toString()) + "\">\n");
        StringBuilder edges = new StringBuilder();
        MDDVariable[] vars = ddm.getAllVariables();
        for (int i = 0; i < comps.size(); i++) {
            NodeInfo c = comps.get(i);
            String id = c.getNodeID();
            Expression f = BooleanConversion.fromMdd(ddm, functions[i], name);
            boolean input = c.isInput() || isSelf(f, id);
            w.write("    <node id=\"" + attr(id) + "\" maxvalue=\"1\"" + (input ? " input=\"true\"" : "")
                + (!input && f instanceof Constant k && k.value() != 0 ? " basevalue=\"1\"" : "") + ">\n");
            if (!input && !(f instanceof Constant)) {
                w.write("      <value val=\"1\">\n        <exp str=\"" + attr(ExpressionPrinter.print(f)) + "\"/>\n      </value>\n");
            }
            Position p = at.get(id);
            w.write("      <nodevisualsetting x=\"" + p.x() + "\" y=\"" + p.y() + "\" style=\"\"/>\n");
            w.write("    </node>\n");
            if (input) {
                continue;
            }
            boolean[] regulators = ddm.collectDecisionVariables(functions[i]);
            for (int r = 0; r < regulators.length; r++) {
                if (!regulators[r]) {
                    continue;
                }
                String from = ((NodeInfo) vars[r].key).getNodeID();
                VariableEffect effect = ddm.getVariableEffect(vars[r], functions[i]);
                String sign = switch (effect) {
                    case POSITIVE -> "positive";
                    case NEGATIVE -> "negative";
                    case DUAL -> "dual";
                    default -> "unknown";
                };
                edges.append("    <edge id=\"").append(attr(from + ":" + id)).append("\" from=\"").append(attr(from))
                    .append("\" to=\"").append(attr(id)).append("\" minvalue=\"1\" sign=\"").append(sign).append("\"/>\n");
            }
        }
        w.write(edges.toString());
        w.write("  </graph>\n</gxl>\n");
        w.flush();
    }

    /** regulators[i]: the components node i's function reads. */
    private static int[][] regulators(LogicalModel lm) {
        MDDManager ddm = lm.getMDDManager();
        int[] functions = lm.getLogicalFunctions();
        MDDVariable[] vars = ddm.getAllVariables();
        List<String> names = BooleanConversion.names(lm);
        int[][] out = new int[functions.length][];
        for (int i = 0; i < functions.length; i++) {
            boolean[] used = ddm.collectDecisionVariables(functions[i]);
            List<Integer> regs = new ArrayList<>();
            for (int r = 0; r < used.length; r++) {
                if (used[r]) {
                    regs.add(names.indexOf(((NodeInfo) vars[r].key).getNodeID()));
                }
            }
            out[i] = regs.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /**
     * The position of a node: {@code <nodevisualsetting x=".." y="..">}, or the x and y of its
     * first child (older files: {@code <nodevisualsetting><ellipse x=".." y=".."/>}); null when absent.
     */
    private static Position position(Element node) {
        for (Element v : children(node, "nodevisualsetting")) {
            Position p = xy(v);
            if (p != null) {
                return p;
            }
            for (org.w3c.dom.Node c = v.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && (p = xy(e)) != null) {
                    return p;
                }
            }
        }
        return null;
    }

    private static Position xy(Element e) {
        try {
            String x = e.getAttribute("x");
            String y = e.getAttribute("y");
            return x.isEmpty() || y.isEmpty() ? null
                : new Position((int) Math.round(Double.parseDouble(x)), (int) Math.round(Double.parseDouble(y)));
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static boolean isSelf(Expression f, String id) {
        return f instanceof NodeRef r && r.name().equals(id);
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The largest GINML document read from a .zginml archive (64 MB). */
    static final int MAX_UNZIPPED = 64 << 20;

    private static byte[] unzip(Path file) throws IOException {
        byte[] fallback = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(ZIP_ENTRY)) {
                    return readCapped(zip, file, e.getName());
                }
                if (fallback == null && e.getName().endsWith(".ginml")) {
                    fallback = readCapped(zip, file, e.getName());
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not UTF-8
            throw new ModelException(SourceLocation.of(file.toString()), "not a zip archive, or a damaged one: " + e.getMessage());
        }
        if (fallback == null) {
            throw new ModelException(SourceLocation.of(file.toString()), "no " + ZIP_ENTRY + " in the archive");
        }
        return fallback;
    }

    /** An archive entry of at most {@link #MAX_UNZIPPED} bytes; @throws ModelException for a larger one (a zip bomb) */
    private static byte[] readCapped(InputStream zip, Path file, String entry) throws IOException {
        byte[] b = zip.readNBytes(MAX_UNZIPPED + 1);
        if (b.length > MAX_UNZIPPED) {
            throw new ModelException(SourceLocation.of(file.toString()), entry + " unzips to more than " + MAX_UNZIPPED + " bytes");
        }
        return b;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }
}
