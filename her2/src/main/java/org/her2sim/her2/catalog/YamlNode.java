// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node with the file it came from, read through SnakeYAML's node API so every value
 * knows its line and column. The accessors throw {@link ModelException} naming
 * {@code file:line:column} and, through {@code what}, the entry and field being read.
 */
public final class YamlNode {
    private final String file;
    private final Node node;

    private YamlNode(String file, Node node) {
        this.file = file;
        this.node = node;
    }

    /** The largest YAML text read (1 MB): SnakeYAML's time grows with the square of a long scalar. */
    public static final int MAX_BYTES = 1 << 20;

    /**
     * Parses one YAML document.
     *
     * @param file the name used in messages
     * @return the root node; an empty document gives an empty mapping
     * @throws ModelException on a syntax error, at its line and column
     */
    public static YamlNode parse(String file, String text) {
        if (text.length() > MAX_BYTES) {
            throw new ModelException(SourceLocation.of(file), "too large for a YAML file: " + text.length() + " characters (the limit is " + MAX_BYTES + ")");
        }
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation at = m == null ? SourceLocation.of(file) : new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new ModelException(at, "YAML syntax error: " + problem + context);
        } catch (YAMLException e) {
            throw new ModelException(SourceLocation.of(file), "YAML error: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new ModelException(SourceLocation.of(file), "YAML nested too deeply");
        }
        if (root == null) {
            root = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        }
        return new YamlNode(file, root);
    }

    /** Where this node starts. */
    public SourceLocation at() {
        Mark m = node.getStartMark();
        return m == null ? SourceLocation.of(file) : new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1);
    }

    /** The file name used in messages. */
    public String file() {
        return file;
    }

    /** An error at this node. */
    public ModelException error(String message) {
        return new ModelException(at(), message);
    }

    /** True for a mapping. */
    public boolean isMap() {
        return node instanceof MappingNode;
    }

    /** True for a sequence. */
    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** True for an explicit null ({@code ~}, {@code null} or nothing). */
    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private MappingNode map(String what) {
        if (!(node instanceof MappingNode m)) {
            throw error(what + ": expected a mapping (key: value)");
        }
        return m;
    }

    /** One key with its value node, in file order. */
    public record Entry(String key, YamlNode keyNode, YamlNode value) { }

    /**
     * The entries of a mapping. @throws ModelException if not a mapping, a key is not a scalar, or a key is repeated
     */
    public List<Entry> entries(String what) {
        List<Entry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : map(what).getValue()) {
            YamlNode k = new YamlNode(file, t.getKeyNode());
            if (!(t.getKeyNode() instanceof ScalarNode ks)) {
                throw k.error(what + ": a key must be a plain name");
            }
            if (!seen.add(ks.getValue())) {
                throw k.error(what + ": duplicate key '" + ks.getValue() + "'");
            }
            out.add(new Entry(ks.getValue(), k, new YamlNode(file, t.getValueNode())));
        }
        return out;
    }

    /** Rejects any key not listed. */
    public void allowKeys(String what, String... keys) {
        List<String> known = List.of(keys);
        for (Entry e : entries(what)) {
            if (!known.contains(e.key())) {
                String hint = e.value().isNull() && ((MappingNode) node).getFlowStyle() == DumperOptions.FlowStyle.FLOW
                    ? "; a comma inside {...} ends a value: quote values that contain commas" : "";
                throw e.keyNode().error(what + ": unknown field '" + e.key() + "' (known: " + String.join(", ", known) + ")" + hint);
            }
        }
    }

    /** The value of a key, or null when absent (or null in the file). */
    public YamlNode get(String key, String what) {
        for (Entry e : entries(what)) {
            if (e.key().equals(key)) {
                return e.value().isNull() ? null : e.value();
            }
        }
        return null;
    }

    /** The value of a key. @throws ModelException when absent */
    public YamlNode require(String key, String what) {
        YamlNode v = get(key, what);
        if (v == null) {
            throw error(what + ": missing field '" + key + "'");
        }
        return v;
    }

    /** The items of a sequence. */
    public List<YamlNode> items(String what) {
        if (!(node instanceof SequenceNode s)) {
            throw error(what + ": expected a list ([a, b] or '- a' lines)");
        }
        List<YamlNode> out = new ArrayList<>();
        for (Node n : s.getValue()) {
            out.add(new YamlNode(file, n));
        }
        return out;
    }

    /** A scalar's text. */
    public String text(String what) {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw error(what + ": expected a single value");
        }
        return s.getValue();
    }

    /** A whole number. */
    public int integer(String what) {
        String t = text(what);
        try {
            return Integer.parseInt(t.strip());
        } catch (NumberFormatException e) {
            throw error(what + ": expected a whole number, not '" + t + "'");
        }
    }

    /** A number. */
    public double number(String what) {
        String t = text(what);
        try {
            double v = Double.parseDouble(t.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(what + ": expected a number, not '" + t + "'");
        }
    }

    /** A boolean: true or false. */
    public boolean bool(String what) {
        String t = text(what).strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw error(what + ": expected true or false, not '" + t + "'");
    }

    // optional fields of a mapping

    /** An optional text field, or {@code fallback}. */
    public String string(String key, String what, String fallback) {
        YamlNode v = get(key, what);
        return v == null ? fallback : v.text(what + ", field '" + key + "'");
    }

    /** A required text field. */
    public String string(String key, String what) {
        return require(key, what).text(what + ", field '" + key + "'");
    }

    /** An optional list of texts (a single value counts as a list of one); empty when absent. */
    public List<String> strings(String key, String what) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : list(key, what)) {
            out.add(n.text(what + ", field '" + key + "'"));
        }
        return out;
    }

    /** An optional list of whole numbers; empty when absent. */
    public List<Integer> integers(String key, String what) {
        List<Integer> out = new ArrayList<>();
        for (YamlNode n : list(key, what)) {
            out.add(n.integer(what + ", field '" + key + "'"));
        }
        return out;
    }

    /** An optional list field's items (a single scalar counts as a list of one); empty when absent. */
    public List<YamlNode> list(String key, String what) {
        YamlNode v = get(key, what);
        if (v == null) {
            return new ArrayList<>();
        }
        if (v.node instanceof ScalarNode) {
            return new ArrayList<>(List.of(v));
        }
        return v.items(what + ", field '" + key + "'");
    }
}
