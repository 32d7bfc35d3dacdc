// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.colomoto.biolqm.LogicalModel;
import org.colomoto.mddlib.MDDManager;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.formats.BooleanConversion;
import org.junit.jupiter.api.Test;

/**
 * Stable states and minimal trap spaces of 600 random networks of 1 to 7 nodes (random functions
 * of up to 3 regulators, self-loops and constants included) against brute force: every state,
 * and every one of the 3^n subspaces checked for being a trap space.
 */
class SearchBruteForceTest {

    @Test
    void agreesWithBruteForceOnRandomNetworks() {
        SplittableRandom rnd = new SplittableRandom(20261129);
        int withCycles = 0;
        for (int k = 0; k < 600; k++) {
            int n = 1 + rnd.nextInt(7);
            LogicalModel m = BooleanConversion.toLogicalModel(BndParser.parse("random.bnet", randomNetwork(n, rnd)));
            String what = "network " + k + ":\n" + randomNetworkText;
            assertThat(StableStates.of(m, "r").patterns()).as(what).isEqualTo(bruteStable(m));
            List<String> traps = TrapSpaces.minimal(m, "r").patterns();
            assertThat(traps).as(what).isEqualTo(bruteMinimalTrapSpaces(m));
            if (traps.stream().anyMatch(t -> t.contains("-"))) {
                withCycles++;
            }
        }
        // the sample must hold cyclic attractors, or the trap-space check proves little
        assertThat(withCycles).isGreaterThan(50);
    }

    @Test
    void limitStopsTheSearchAndSaysSo() {
        LogicalModel m = BooleanConversion.toLogicalModel(BndParser.parse("i.bnet", "node A { }\nnode B { }\nnode C { }\nX : A | B | C\n"));
        StatePatterns all = StableStates.of(m, "i", 100);
        assertThat(all.size()).isEqualTo(8);
        assertThat(all.complete()).isTrue();
        StatePatterns some = StableStates.of(m, "i", 3);
        assertThat(some.size()).isEqualTo(3);
        assertThat(some.complete()).isFalse();
        assertThat(all.patterns()).containsAll(some.patterns());
        assertThat(TrapSpaces.minimal(m, "i", 3).complete()).isFalse();
    }

    private static String randomNetworkText;

    static String randomNetwork(int n, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("node N").append(i).append(" { logic = ").append(randomExpr(n, rnd, 2)).append("; }\n");
        }
        randomNetworkText = sb.toString();
        return randomNetworkText;
    }

    private static String randomExpr(int n, SplittableRandom rnd, int depth) {
        int r = rnd.nextInt(10);
        if (depth == 0 || r < 3) {
            if (r == 0 && rnd.nextInt(4) == 0) {
                return rnd.nextBoolean() ? "1" : "0";
            }
            String v = "N" + rnd.nextInt(n);
            return rnd.nextBoolean() ? v : "!" + v;
        }
        String op = rnd.nextBoolean() ? " & " : " | ";
        String e = "(" + randomExpr(n, rnd, depth - 1) + op + randomExpr(n, rnd, depth - 1) + ")";
        return rnd.nextInt(4) == 0 ? "!" + e : e;
    }

    static int eval(LogicalModel m, int i, byte[] state) {
        MDDManager ddm = m.getMDDManager();
        return ddm.reach(m.getLogicalFunctions()[i], state);
    }

    static List<String> bruteStable(LogicalModel m) {
        int n = m.getComponents().size();
        List<String> out = new ArrayList<>();
        for (int s = 0; s < 1 << n; s++) {
            byte[] x = state(s, n);
            boolean stable = true;
            for (int i = 0; i < n && stable; i++) {
                stable = eval(m, i, x) == x[i];
            }
            if (stable) {
                out.add(BooleanConversion.digits(x));
            }
        }
        return out.stream().sorted().toList();
    }

    static List<String> bruteMinimalTrapSpaces(LogicalModel m) {
        int n = m.getComponents().size();
        List<String> traps = new ArrayList<>();
        int total = (int) Math.pow(3, n);
        for (int code = 0; code < total; code++) {
            char[] p = new char[n];
            int c = code;
            for (int i = 0; i < n; i++) {
                p[i] = "01-".charAt(c % 3);
                c /= 3;
            }
            if (isTrapSpace(m, new String(p))) {
                traps.add(new String(p));
            }
        }
        List<String> minimal = new ArrayList<>();
        for (String t : traps) {
            boolean holdsAnother = traps.stream().anyMatch(u -> !u.equals(t) && within(u, t));
            if (!holdsAnother) {
                minimal.add(t);
            }
        }
        return minimal.stream().sorted().toList();
    }

    private static boolean isTrapSpace(LogicalModel m, String p) {
        int n = p.length();
        for (int s = 0; s < 1 << n; s++) {
            byte[] x = state(s, n);
            if (!within(BooleanConversion.digits(x), p)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (p.charAt(i) != '-' && eval(m, i, x) != p.charAt(i) - '0') {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether subspace u lies within subspace t. */
    private static boolean within(String u, String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) != '-' && t.charAt(i) != u.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] state(int s, int n) {
        byte[] x = new byte[n];
        for (int i = 0; i < n; i++) {
            x[i] = (byte) ((s >> i) & 1);
        }
        return x;
    }
}
