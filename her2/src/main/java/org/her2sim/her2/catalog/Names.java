// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Messages for unknown names, with close matches as suggestions. */
public final class Names {
    private static final int MAX_LISTED = 40;

    private Names() {
    }

    /** The known names close to {@code word} (edit distance or containment, ignoring case), closest first. */
    public static List<String> close(String word, Collection<String> known) {
        String w = word.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        List<Integer> dist = new ArrayList<>();
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            int d = distance(w, kl);
            boolean contains = w.length() >= 3 && (kl.contains(w) || w.contains(kl) && kl.length() >= 3);
            if (d <= Math.max(1, w.length() / 3) || contains) {
                int pos = 0;
                while (pos < dist.size() && dist.get(pos) <= d) {
                    pos++;
                }
                out.add(pos, k);
                dist.add(pos, d);
            }
        }
        return out.size() > 5 ? out.subList(0, 5) : out;
    }

    /** {@code unknown KIND 'WORD' (did you mean: a, b? known: ...)}. */
    public static String unknown(String kind, String word, Collection<String> known) {
        StringBuilder sb = new StringBuilder("unknown ").append(kind).append(" '").append(word).append("' (");
        List<String> close = close(word, known);
        if (!close.isEmpty()) {
            sb.append("did you mean: ").append(String.join(", ", close)).append("? ");
        }
        List<String> all = new ArrayList<>(known);
        sb.append("known: ");
        if (all.isEmpty()) {
            sb.append("none");
        } else if (all.size() > MAX_LISTED) {
            sb.append(String.join(", ", all.subList(0, MAX_LISTED))).append(", ... (").append(all.size()).append(" in all)");
        } else {
            sb.append(String.join(", ", all));
        }
        return sb.append(')').toString();
    }

    /** Edit distance counting an adjacent transposition as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
