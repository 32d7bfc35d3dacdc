// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.variant;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * A tab-separated table with a header row, {@code #} comment lines and no quoting, read through
 * FastCSV. Rows are checked to have as many fields as the header; every field knows its line
 * and character column for messages.
 */
final class TsvTable implements AutoCloseable {
    /** One data row. */
    record Row(long line, List<String> fields) { }

    private final String file;
    private final CsvReader<CsvRecord> reader;
    private final java.util.Iterator<CsvRecord> rows;
    private final List<String> header;
    private final long headerLine;

    private TsvTable(Path path, BufferedReader in) {
        this.file = path.toString();
        // no quote character in MAF or GISTIC files: NUL never occurs, so '"' and '\'' stay plain text
        this.reader = CsvReader.builder().fieldSeparator('\t').quoteCharacter('\0').commentStrategy(CommentStrategy.SKIP)
            .commentCharacter('#').skipEmptyLines(true).extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE).ofCsvRecord(in);
        this.rows = reader.iterator();
        CsvRecord h = next();
        if (h == null) {
            throw new ModelException(SourceLocation.of(file), "empty file: no header row");
        }
        this.header = List.copyOf(h.getFields().stream().map(String::strip).toList());
        this.headerLine = h.getStartingLineNumber();
    }

    /** Opens a table (gzip allowed) and reads its header row. */
    static TsvTable open(Path path) throws IOException {
        BufferedReader in = TextInput.open(path);
        try {
            return new TsvTable(path, in);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    String file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    long headerLine() {
        return headerLine;
    }

    /** The index of the first header name that matches one of {@code names} (ignoring case), or -1. */
    int column(String... names) {
        for (String n : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A column that must exist. @throws ModelException naming the file and the column */
    int require(String name, String... alternatives) {
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(List.of(alternatives));
        int i = column(names.toArray(String[]::new));
        if (i < 0) {
            throw new ModelException(new SourceLocation(file, (int) headerLine, 0), "missing column '" + name + "'"
                + (alternatives.length == 0 ? "" : " (or " + String.join(", ", alternatives) + ")") + " in the header row");
        }
        return i;
    }

    /** The next data row, or null at the end. @throws ModelException when its field count differs from the header's */
    Row nextRow() {
        CsvRecord r = next();
        if (r == null) {
            return null;
        }
        if (r.getFieldCount() != header.size()) {
            throw new ModelException(new SourceLocation(file, (int) r.getStartingLineNumber(), 0), "expected " + header.size()
                + " tab-separated fields as in the header row, found " + r.getFieldCount());
        }
        return new Row(r.getStartingLineNumber(), r.getFields());
    }

    /** Where field {@code i} of a row is: file, line and character column. */
    SourceLocation at(Row row, int i) {
        int col = 1;
        for (int k = 0; k < i; k++) {
            col += row.fields().get(k).length() + 1;
        }
        return new SourceLocation(file, (int) row.line(), col);
    }

    private CsvRecord next() {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (CsvParseException e) {
            throw new ModelException(SourceLocation.of(file), "unreadable table: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new ModelException(SourceLocation.of(file), "unreadable file: " + e.getCause().getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
