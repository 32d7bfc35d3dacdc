// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.her2sim.cohort.classify.Call;
import org.her2sim.her2.profile.Profile;

/**
 * Writes a {@link SampleProfile} as the her2 profile YAML ({@code name}, {@code description},
 * {@code alterations}, {@code mechanisms}, {@code context}), which {@code her2sim predict --profile}
 * reads as it is; each alteration's rule, sources and origin follow as a comment, and the
 * unclassified variants as a commented {@code # unclassified:} list (the profile reader accepts no
 * other key). The JSON form has the same content with {@code unclassified} as a field.
 */
public final class ProfileText {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+/-]*");
    private static final Pattern RESERVED = Pattern.compile("(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9._]+(e[-+]?[0-9]+)?");

    private ProfileText() {
    }

    /** The profile as YAML, ending with a newline. */
    public static String yaml(SampleProfile sp) {
        Profile p = sp.profile();
        StringBuilder sb = new StringBuilder();
        sb.append("name: ").append(scalar(p.name())).append('\n');
        sb.append("description: ").append(scalar(p.description())).append('\n');
        if (sp.altered().isEmpty()) {
            sb.append("alterations: []\n");
        } else {
            sb.append("alterations:\n");
            for (Call.Altered a : sp.altered()) {
                sb.append("  - {gene: ").append(scalar(a.gene())).append(", kind: ").append(a.kind());
                if (!a.variant().isEmpty()) {
                    sb.append(", variant: ").append(scalar(a.variant()));
                }
                sb.append("}  # ").append(a.rule());
                if (!a.sources().isEmpty()) {
                    sb.append(" (").append(String.join(", ", a.sources())).append(')');
                }
                sb.append("; ").append(a.at()).append('\n');
            }
        }
        if (!p.mechanisms().isEmpty()) {
            List<String> names = new ArrayList<>();
            p.mechanisms().forEach(m -> names.add(scalar(m.name())));
            sb.append("mechanisms: [").append(String.join(", ", names)).append("]\n");
        }
        if (!p.context().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            p.context().forEach(s -> pairs.add(scalar(s.key()) + ": " + scalar(s.level())));
            sb.append("context: {").append(String.join(", ", pairs)).append("}\n");
        }
        if (!sp.unclassified().isEmpty()) {
            sb.append("# unclassified: listed, not applied (").append(sp.unclassified().size()).append(")\n");
            for (Call.Unclassified u : sp.unclassified()) {
                sb.append("#   - {gene: ").append(scalar(u.gene())).append(", variant: ").append(scalar(u.variant()))
                    .append(", reason: ").append(scalar(u.reason())).append(", at: ").append(scalar(u.at().toString())).append("}\n");
            }
        }
        return sb.toString();
    }

    /** The profile as nested maps and lists, for JSON. */
    public static Map<String, Object> toMap(SampleProfile sp) {
        Profile p = sp.profile();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("files", sp.files());
        List<Object> alts = new ArrayList<>();
        for (Call.Altered a : sp.altered()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("gene", a.gene());
            x.put("kind", a.kind());
            x.put("variant", a.variant());
            x.put("rule", a.rule());
            x.put("sources", a.sources());
            x.put("at", a.at().toString());
            alts.add(x);
        }
        m.put("alterations", alts);
        m.put("mechanisms", p.mechanisms().stream().map(Profile.Named::name).toList());
        Map<String, Object> ctx = new LinkedHashMap<>();
        p.context().forEach(s -> ctx.put(s.key(), s.level()));
        m.put("context", ctx);
        List<Object> un = new ArrayList<>();
        for (Call.Unclassified u : sp.unclassified()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("gene", u.gene());
            x.put("variant", u.variant());
            x.put("reason", u.reason());
            x.put("at", u.at().toString());
            un.add(x);
        }
        m.put("unclassified", un);
        return m;
    }

    /** A YAML scalar: plain when safe, else double-quoted. */
    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.matcher(s).matches()) {
            return s;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A file name for a sample: characters other than letters, digits, '.', '_' and '-' become '_'. */
    public static String fileName(String sample) {
        String s = sample.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.length() > 120) {
            // file systems refuse names over 255 bytes: keep a prefix and tell long names apart by a hash
            s = s.substring(0, 100) + "-" + String.format("%08x", sample.hashCode());
        }
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
