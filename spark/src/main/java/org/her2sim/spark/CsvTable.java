// SPDX-License-Identifier: Apache-2.0
package org.her2sim.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as {@code cohort run} writes it: {@code # title}, {@code # key: value} metadata lines,
 * a header row, then rows (fields quoted with {@code "} only when needed).
 *
 * @param meta the metadata, in file order
 * @param header the column names
 * @param rows the fields of each row, as text
 */
public record CsvTable(Map<String, String> meta, List<String> header, List<List<String>> rows) {
    /** Reads a file. @throws IllegalArgumentException when a row's width differs from the header's */
    public static CsvTable read(Path file) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        int line = 0;
        for (String s : Files.readAllLines(file)) {
            line++;
            if (header == null && s.startsWith("#")) {
                int colon = s.indexOf(": ");
                if (colon > 0) {
                    meta.put(s.substring(2, colon), s.substring(colon + 2));
                }
            } else if (header == null) {
                header = fields(s);
            } else if (!s.isEmpty()) {
                List<String> f = fields(s);
                if (f.size() != header.size()) {
                    throw new IllegalArgumentException(file + ":" + line + ": " + f.size() + " fields, the header has " + header.size());
                }
                rows.add(f);
            }
        }
        if (header == null) {
            throw new IllegalArgumentException(file + ": no header row");
        }
        return new CsvTable(meta, List.copyOf(header), List.copyOf(rows));
    }

    /** Splits one line; a quoted field may hold commas and doubled quotes. */
    static List<String> fields(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
