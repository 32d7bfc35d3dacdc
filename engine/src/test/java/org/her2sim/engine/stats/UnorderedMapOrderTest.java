// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The emulated iteration order equals the one libstdc++ printed (test resources libstdcxx/). */
class UnorderedMapOrderTest {

    @ParameterizedTest
    @ValueSource(ints = {64, 128, 1024})
    void ordersLikeLibstdcxx(int width) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
            getClass().getResourceAsStream("/libstdcxx/order" + width + ".txt")), StandardCharsets.US_ASCII))) {
            r.lines().forEach(lines::add);
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(10);
        int cases = 0;
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            List<long[]> keys = parse(lines.get(i), "case", width);
            List<long[]> expected = parse(lines.get(i + 1), "order", width);
            int[] order = UnorderedMapOrder.order(keys, width);
            List<long[]> got = new ArrayList<>();
            for (int k : order) {
                got.add(keys.get(k));
            }
            assertThat(got).as("case %d", i / 2).usingElementComparator((a, b) -> Arrays.equals(a, b) ? 0 : 1)
                .containsExactlyElementsOf(expected);
            cases++;
        }
        assertThat(cases).isGreaterThanOrEqualTo(5);
    }

    /** Keys: decimal integers (width 64) or comma-separated set bits, '-' for none; repeated keys inserted once. */
    private static List<long[]> parse(String line, String tag, int width) {
        String[] parts = line.split(" ");
        assertThat(parts[0]).isEqualTo(tag);
        List<long[]> out = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            long[] key = new long[Math.max(1, width / 64)];
            if (width == 64) {
                key[0] = Long.parseUnsignedLong(parts[i]);
            } else if (!parts[i].equals("-")) {
                for (String b : parts[i].split(",")) {
                    int bit = Integer.parseInt(b);
                    key[bit >>> 6] |= 1L << bit;
                }
            }
            if (out.stream().noneMatch(k -> Arrays.equals(k, key))) {
                out.add(key);
            }
        }
        return out;
    }
}
