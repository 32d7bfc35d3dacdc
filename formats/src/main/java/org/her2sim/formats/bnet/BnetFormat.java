// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.bnet;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.model.InputFiles;
import org.her2sim.formats.BioLqmFormat;
import org.her2sim.formats.SyntaxCheck;

/**
 * BoolNet / PyBoolNet {@code targets, factors} files, read and written by bioLQM (Boolean models
 * only). A name used in a function but never given one of its own (common in published bnet
 * files, such as an {@code EGF} input) is read as an input that keeps its value, {@code X, X};
 * bioLQM 0.7.1 would otherwise refuse the file, as it does the {@code targets, factors} header,
 * which is dropped before bioLQM sees the text. Line numbers are kept.
 */
public final class BnetFormat extends BioLqmFormat {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    /** Registered through {@link java.util.ServiceLoader}. */
    public BnetFormat() {
        super("bnet", "bnet", List.of("bnet"));
    }

    @Override
    protected void check(byte[] content, String source) {
        SyntaxCheck.bnet(new String(content, StandardCharsets.UTF_8), source);
    }

    /** Also drops a byte-order mark and refuses a target given twice, as {@code maboss} does. */
    @Override
    protected byte[] prepare(byte[] content, String source) {
        String text = InputFiles.decode(source, content);
        Set<String> targets = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        StringBuilder sb = new StringBuilder();
        Map<String, Integer> firstLine = new HashMap<>();
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            String l = line.strip();
            int hash = l.indexOf('#');
            if (hash >= 0) {
                l = l.substring(0, hash).strip();
            }
            int comma = l.indexOf(',');
            if (l.isEmpty() || comma < 0) {
                sb.append(line).append('\n');
                continue;
            }
            String target = l.substring(0, comma).strip();
            String factors = l.substring(comma + 1);
            if (target.equals("targets") && factors.strip().startsWith("factors")) {
                // bioLQM 0.7.1 fails on the header with "Operand could not be created"
                sb.append('\n');
                continue;
            }
            sb.append(line).append('\n');
            Integer first = firstLine.putIfAbsent(target, lineNo);
            if (first != null) {
                throw new ModelException(new SourceLocation(source, lineNo, line.indexOf(target) + 1),
                    "node " + target + " is declared twice (first at " + source + ":" + first + ")");
            }
            targets.add(target);
            Matcher m = NAME.matcher(factors);
            while (m.find()) {
                used.add(m.group());
            }
        }
        used.removeAll(targets);
        used.removeIf(n -> n.equalsIgnoreCase("true") || n.equalsIgnoreCase("false"));
        for (String n : used) {
            sb.append(n).append(", ").append(n).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
