// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Changes to a regimen's calendar: a cycle delayed by some days (it and every later cycle start
 * that much later) and skipped cycles (no dose; the calendar goes on). The first dose actually
 * given is the loading dose.
 *
 * @param delays days of delay by cycle number (from 1)
 * @param skips cycle numbers given no dose
 */
public record Modifications(Map<Integer, Integer> delays, Set<Integer> skips) {
    /** No change. */
    public static final Modifications NONE = new Modifications(Map.of(), Set.of());

    public Modifications {
        delays = java.util.Collections.unmodifiableMap(new TreeMap<>(delays));
        skips = java.util.Collections.unmodifiableSet(new TreeSet<>(skips));
    }

    /** The delay before a cycle, in days. */
    public int delay(int cycle) {
        return delays.getOrDefault(cycle, 0);
    }

    /**
     * Parses {@code CYCLE:DAYS} delays and {@code CYCLE} skips.
     *
     * @throws PkInputException naming {@code delay} or {@code skip}
     */
    public static Modifications parse(List<String> delays, List<String> skips) {
        Map<Integer, Integer> d = new TreeMap<>();
        for (String s : delays) {
            String[] parts = s.split(":", -1);
            if (parts.length != 2) {
                throw new PkInputException("delay", "expected CYCLE:DAYS (e.g. 3:7), not '" + s + "'");
            }
            int cycle = cycle("delay", parts[0], s);
            int days = whole("delay", parts[1], s);
            if (days < 1 || days > 365) {
                throw new PkInputException("delay", "a delay is 1 to 365 days, not " + days + " in '" + s + "'");
            }
            if (d.put(cycle, days) != null) {
                throw new PkInputException("delay", "cycle " + cycle + " is delayed twice");
            }
        }
        Set<Integer> k = new TreeSet<>();
        for (String s : skips) {
            int cycle = cycle("skip", s, s);
            if (!k.add(cycle)) {
                throw new PkInputException("skip", "cycle " + cycle + " is skipped twice");
            }
        }
        return new Modifications(d, k);
    }

    private static int cycle(String field, String text, String whole) {
        int c = whole(field, text, whole);
        if (c < 1 || c > 10_000) {
            throw new PkInputException(field, "a cycle number is 1 or more, not " + c + " in '" + whole + "'");
        }
        return c;
    }

    private static int whole(String field, String text, String whole) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new PkInputException(field, "expected a whole number, not '" + text + "' in '" + whole + "'");
        }
    }
}
