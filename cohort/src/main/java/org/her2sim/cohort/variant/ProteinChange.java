// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Protein changes in one short form: {@code p.His1047Arg}, {@code p.(His1047Arg)},
 * {@code ENSP00000263967.3:p.His1047Arg} and {@code p.H1047R} all become {@code H1047R};
 * {@code p.Arg130Ter} becomes {@code R130*}; {@code %3D} (VEP's escaped {@code =}) becomes {@code =}.
 */
public final class ProteinChange {
    private static final Pattern THREE = Pattern.compile("[A-Z][a-z]{2}");
    private static final Map<String, String> CODES = Map.ofEntries(
        Map.entry("Ala", "A"), Map.entry("Arg", "R"), Map.entry("Asn", "N"), Map.entry("Asp", "D"),
        Map.entry("Cys", "C"), Map.entry("Gln", "Q"), Map.entry("Glu", "E"), Map.entry("Gly", "G"),
        Map.entry("His", "H"), Map.entry("Ile", "I"), Map.entry("Leu", "L"), Map.entry("Lys", "K"),
        Map.entry("Met", "M"), Map.entry("Phe", "F"), Map.entry("Pro", "P"), Map.entry("Ser", "S"),
        Map.entry("Thr", "T"), Map.entry("Trp", "W"), Map.entry("Tyr", "Y"), Map.entry("Val", "V"),
        Map.entry("Sec", "U"), Map.entry("Pyl", "O"), Map.entry("Xaa", "X"), Map.entry("Ter", "*"));

    private ProteinChange() {
    }

    /** The short form, or empty for an empty, {@code .} or {@code p.?}-like input. */
    public static String normalise(String text) {
        String s = text == null ? "" : text.strip().replace("%3D", "=");
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            s = s.substring(colon + 1);
        }
        if (s.startsWith("p.")) {
            s = s.substring(2);
        }
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || s.equals(".") || s.equals("?") || s.equals("=")) {
            return "";
        }
        Matcher m = THREE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String one = CODES.get(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(one != null ? one : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
