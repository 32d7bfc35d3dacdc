// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.profile;

import java.util.ArrayList;
import java.util.List;
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
