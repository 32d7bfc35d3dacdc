// SPDX-License-Identifier: Apache-2.0
package org.her2sim.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.her2sim.cohort.json.JsonTree;

/**
 * Writes a run's {@code patients.csv} as the Parquet dataset {@code patients.parquet} (one part
 * file) with Spark's DataFrame writer: columns whose every value is a whole number become longs,
 * numbers doubles, the rest strings; empty fields are null. The run metadata (the CSV's comment
 * lines) goes to {@code _run.json} inside the dataset, a file Parquet readers skip. Written to a
 * temporary directory beside it, then renamed into place.
 */
public final class PatientsParquet {
    /** The dataset's name in the output directory. */
    public static final String NAME = "patients.parquet";
    /** The metadata file inside it. */
    public static final String META = "_run.json";

    private PatientsParquet() {
    }

    /** {@code _run.json}: the CSV's metadata lines, then the row count. */
    private record Meta(@JsonTree.Inline Map<String, String> run, long rows) { }

    /** Reads {@code dir/patients.csv}, writes {@code dir/patients.parquet}; returns the dataset's path. */
    public static Path write(SparkSession spark, Path dir) throws IOException {
        CsvTable t = CsvTable.read(dir.resolve("patients.csv"));
        StructType schema = schema(t);
        List<Row> rows = new ArrayList<>();
        for (List<String> r : t.rows()) {
            rows.add(row(schema, r));
        }
        Path target = dir.resolve(NAME);
        Path tmp = dir.resolve("." + NAME + ".tmp-" + UUID.randomUUID());
        try {
            spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(tmp.toUri().toString());
            Files.writeString(tmp.resolve(META), JsonTree.text(new Meta(t.meta(), rows.size())));
            replace(tmp, target);
        } finally {
            delete(tmp);
        }
        return target;
    }

    /** The schema: a type per column from its values. */
    static StructType schema(CsvTable t) {
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < t.header().size(); c++) {
            fields.add(DataTypes.createStructField(t.header().get(c), type(t.rows(), c), true));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(List<List<String>> rows, int c) {
        boolean whole = true;
        boolean number = true;
        for (List<String> r : rows) {
            String v = r.get(c);
            if (v.isEmpty()) {
                continue;
            }
            whole &= v.matches("-?\\d{1,18}");
            number &= v.matches("-?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");
        }
        return whole ? DataTypes.LongType : number ? DataTypes.DoubleType : DataTypes.StringType;
    }

    /** One CSV row as a Spark row of the schema. */
    static Row row(StructType schema, List<String> fields) {
        Object[] values = new Object[fields.size()];
        for (int c = 0; c < values.length; c++) {
            String v = fields.get(c);
            DataType type = schema.fields()[c].dataType();
            values[c] = v.isEmpty() && type != DataTypes.StringType ? null
                : type == DataTypes.LongType ? (Object) Long.parseLong(v)
                : type == DataTypes.DoubleType ? (Object) Double.parseDouble(v)
                : v.isEmpty() ? null : v;
        }
        return RowFactory.create(values);
    }

    /** Moves {@code tmp} to {@code target}, replacing an earlier dataset. */
    private static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + NAME + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            delete(old);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
