// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/** Reads MaBoSS's own output files (probtraj and fp tables), gzipped or not. */
final class MabossReference {
    private MabossReference() {
    }

    /** One window: state (as a sorted set of node names, joined) to {proba, error}. */
    record Row(double time, Map<String, double[]> states) { }

    static BufferedReader open(Path plain) throws IOException {
        if (Files.exists(plain)) {
            return Files.newBufferedReader(plain, StandardCharsets.UTF_8);
        }
        Path gz = Path.of(plain + ".gz");
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    /** A state label in canonical form: node names sorted, so MaBoSS's and our orders compare equal. */
    static String canonical(String label) {
        if (label.equals("<nil>")) {
            return label;
        }
        return String.join(" -- ", new TreeSet<>(Arrays.asList(label.split(" -- "))));
    }

    static List<Row> probTraj(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            String header = r.readLine();
            String[] h = header.split("\t");
            int first = 0;
            while (!h[first].equals("State")) {
                first++;
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                Map<String, double[]> m = new HashMap<>();
                for (int i = first; i + 2 < f.length + 1 && i + 2 <= f.length - 1; i += 3) {
                    m.put(canonical(f[i]), new double[] {Double.parseDouble(f[i + 1]), Double.parseDouble(f[i + 2])});
                }
                rows.add(new Row(Double.parseDouble(f[0]), m));
            }
        }
        return rows;
    }

    /** Fixed points: canonical full-state label to probability. */
    static Map<String, Double> fixedPoints(Path file) throws IOException {
        Map<String, Double> m = new HashMap<>();
        try (BufferedReader r = open(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    String[] f = line.split("\t");
                    m.put(canonical(f[2]), Double.parseDouble(f[1]));
                }
            }
        }
        return m;
    }
}
