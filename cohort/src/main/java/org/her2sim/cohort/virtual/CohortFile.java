// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * The cohort file: CSV with {@code # key: value} header comments, then a header row and one row
 * per patient.
 *
 * <pre>
 * # her2sim virtual cohort
 * # version: her2sim 0.1.0-SNAPSHOT
 * # seed: 42
 * # setting: naive
 * # size: 2
 * # rng: L64X128MixRandom, one stream per patient from (seed, index)
 * id,pik3ca_mutation,pten_loss,...,weight_kg,serum_ecd_ng_ml,metastatic_sites,pk_z_cl,...,pk_z_f
 * P000001,1,0,...,64.2,18.35,2,0.412,...,-1.003
 * </pre>
 *
 * Feature columns hold 0 or 1; then the three covariates, in that order; then, optionally (files
 * written before PK variability lack them), one standard-normal PK score per
 * {@link Patient#PK_PARAMETERS} entry. {@link #scan} reads a file a patient at a time, so a
 * reader need not hold the cohort.
 */
public final class CohortFile {
    /** The first line. */
    public static final String MAGIC = "# her2sim virtual cohort";
    /** The covariate columns. */
    public static final List<String> COVARIATES = List.of("weight_kg", "serum_ecd_ng_ml", "metastatic_sites");
    /** The PK score columns. */
    public static final List<String> PK_COLUMNS = Patient.PK_PARAMETERS.stream().map(p -> "pk_z_" + p).toList();

    /**
     * A cohort file's header.
     *
     * @param features feature ids in column order
     * @param pk true when the file has PK score columns
     */
    public record Header(long seed, Setting setting, String version, List<String> features, boolean pk) { }

    private CohortFile() {
    }

    /** Writes a cohort; feature columns in the order of the first patient's features. */
    public static void write(Cohort c, Writer w) throws IOException {
        List<String> features = c.patients().isEmpty() ? List.of() : new ArrayList<>(c.patients().get(0).features().keySet());
        boolean pk = c.patients().stream().anyMatch(p -> !p.pkZ().isEmpty());
        writeHeader(w, new Header(c.seed(), c.setting(), c.version(), features, pk), c.patients().size());
        StringBuilder sb = new StringBuilder();
        for (Patient p : c.patients()) {
            writeRow(w, sb, p, features, pk);
        }
    }

    /** Writes the header comments and the header row of a cohort of {@code size} patients. */
    public static void writeHeader(Writer w, Header h, int size) throws IOException {
        w.write(MAGIC + "\n");
        w.write("# version: " + h.version() + "\n");
        w.write("# seed: " + h.seed() + "\n");
        w.write("# setting: " + h.setting().id() + "\n");
        w.write("# size: " + size + "\n");
        w.write("# rng: L64X128MixRandom, one stream per patient from (seed, index)\n");
        List<String> head = new ArrayList<>(List.of("id"));
        head.addAll(h.features());
        head.addAll(COVARIATES);
        if (h.pk()) {
            head.addAll(PK_COLUMNS);
        }
        w.write(String.join(",", head) + "\n");
    }

    /** Writes one patient's row ({@code sb} is scratch space). */
    public static void writeRow(Writer w, StringBuilder sb, Patient p, List<String> features, boolean pk) throws IOException {
        sb.setLength(0);
        sb.append(p.id());
        for (String f : features) {
            sb.append(',').append(p.has(f) ? '1' : '0');
        }
        sb.append(',').append(String.format(Locale.ROOT, "%.1f", p.weightKg()));
        sb.append(',').append(String.format(Locale.ROOT, "%.2f", p.serumEcdNgMl()));
        sb.append(',').append(p.metastaticSites());
        if (pk) {
            for (int k = 0; k < PK_COLUMNS.size(); k++) {
                sb.append(',').append(p.pkZ().isEmpty() ? "0.000" : String.format(Locale.ROOT, "%.3f", p.pkZ().get(k)));
            }
        }
        w.write(sb.append('\n').toString());
    }

    /**
     * Reads a cohort file.
     *
     * @throws ModelException for a malformed line, naming file, line, column and field
     * @throws IOException when the file cannot be read
     */
    public static Cohort read(Path file) throws IOException {
        List<Patient> patients = new ArrayList<>();
        Header h = scan(file, header -> patients::add);
        return new Cohort(h.seed(), h.setting(), h.version(), patients);
    }

    /**
     * Reads a cohort file a patient at a time: once the header row is read, {@code start} is given
     * the header and returns where each patient goes, in file order. Nothing is kept but the ids (to
     * refuse repeats), and the usual ids ({@code P000001} in row 1, ...) as one bit each.
     *
     * @throws ModelException for a malformed line, naming file, line, column and field
     * @throws IOException when the file cannot be read
     */
    public static Header scan(Path file, Function<Header, Consumer<Patient>> start) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Parse(file.toString()).run(in, start);
        }
    }

    /** One read. */
    private static final class Parse {
        private final String file;
        private final Map<String, String> meta = new LinkedHashMap<>();
        private final Map<String, Integer> metaLine = new LinkedHashMap<>();
        private int line;
        private boolean pk;

        Parse(String file) {
            this.file = file;
        }

        Header run(BufferedReader in, Function<Header, Consumer<Patient>> start) throws IOException {
            String s = in.readLine();
            line = 1;
            if (s == null || !s.strip().equals(MAGIC)) {
                throw new ModelException(new SourceLocation(file, 1, 1), "not a cohort file: the first line must be '" + MAGIC + "'");
            }
            while ((s = in.readLine()) != null) {
                line++;
                if (!s.startsWith("#")) {
                    break;
                }
                int colon = s.indexOf(':');
                if (colon > 0) {
                    String key = s.substring(1, colon).strip();
                    meta.put(key, s.substring(colon + 1).strip());
                    metaLine.put(key, line);
                }
            }
            if (s == null) {
                throw new ModelException(new SourceLocation(file, line, 0), "no header row (id,...)");
            }
            long seed = seed();
            Setting setting = setting();
            String[] head = s.split(",", -1);
            int headLine = line;
            pk = head.length >= PK_COLUMNS.size() && head[head.length - PK_COLUMNS.size()].strip().equals(PK_COLUMNS.get(0));
            List<String> features = header(head, headLine);
            Header header = new Header(seed, setting, meta.getOrDefault("version", ""), List.copyOf(features), pk);
            Consumer<Patient> each = start.apply(header);
            IdSet ids = new IdSet();
            int count = 0;
            while ((s = in.readLine()) != null) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                Patient p = row(s.split(",", -1), head, features, count);
                if (!ids.add(p.id(), count)) {
                    throw new ModelException(new SourceLocation(file, line, 1), "id: '" + p.id() + "' is repeated");
                }
                each.accept(p);
                count++;
            }
            String size = meta.get("size");
            if (size != null && !size.equals(String.valueOf(count))) {
                throw new ModelException(new SourceLocation(file, metaLine.get("size"), 0), "size: the header says " + size
                    + " but the file has " + count + " patients");
            }
            return header;
        }

        private long seed() {
            String v = meta.get("seed");
            if (v == null) {
                throw new ModelException(new SourceLocation(file, line, 0), "missing '# seed: N' header comment");
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ModelException(new SourceLocation(file, metaLine.get("seed"), 0), "seed: '" + v + "' is not a whole number");
            }
        }

        private Setting setting() {
            String v = meta.get("setting");
            if (v == null) {
                throw new ModelException(new SourceLocation(file, line, 0), "missing '# setting: naive|pretreated' header comment");
            }
            Setting s = Setting.of(v);
            if (s == null) {
                throw new ModelException(new SourceLocation(file, metaLine.get("setting"), 0), "setting: '" + v
                    + "' is not naive or pretreated");
            }
            return s;
        }

        private List<String> header(String[] head, int at) {
            if (!head[0].strip().equals("id")) {
                throw new ModelException(new SourceLocation(file, at, 1), "header row: the first column must be 'id'");
            }
            int n = head.length - (pk ? PK_COLUMNS.size() : 0);
            if (n < 1 + COVARIATES.size()) {
                throw new ModelException(new SourceLocation(file, at, 0), "header row: expected id, the features, then "
                    + String.join(", ", COVARIATES) + " (then, optionally, " + String.join(", ", PK_COLUMNS) + ")");
            }
            for (int i = 0; pk && i < PK_COLUMNS.size(); i++) {
                int k = n + i;
                if (!head[k].strip().equals(PK_COLUMNS.get(i))) {
                    throw new ModelException(new SourceLocation(file, at, column(head, k)), "header row: column " + (k + 1) + " must be '"
                        + PK_COLUMNS.get(i) + "', found '" + head[k] + "'");
                }
            }
            for (int i = 0; i < COVARIATES.size(); i++) {
                int k = n - COVARIATES.size() + i;
                if (!head[k].strip().equals(COVARIATES.get(i))) {
                    throw new ModelException(new SourceLocation(file, at, column(head, k)), "header row: column " + (k + 1) + " must be '"
                        + COVARIATES.get(i) + "', found '" + head[k] + "'");
                }
            }
            List<String> features = new ArrayList<>();
            for (int i = 1; i < n - COVARIATES.size(); i++) {
                String f = head[i].strip();
                if (!f.matches("[a-z][a-z0-9_]*") || features.contains(f)) {
                    throw new ModelException(new SourceLocation(file, at, column(head, i)), "header row: '" + f
                        + "' is not a feature id (lower-case letters, digits and '_', each once)");
                }
                features.add(f);
            }
            return features;
        }

        private Patient row(String[] f, String[] head, List<String> features, int order) {
            if (f.length != head.length) {
                throw new ModelException(new SourceLocation(file, line, 0), "expected " + head.length + " comma-separated fields as in the header row, found "
                    + f.length);
            }
            String id = f[0].strip();
            if (id.isEmpty()) {
                throw new ModelException(new SourceLocation(file, line, 1), "id: empty");
            }
            Map<String, Boolean> values = new LinkedHashMap<>();
            for (int i = 0; i < features.size(); i++) {
                String v = f[i + 1].strip();
                if (!v.equals("0") && !v.equals("1")) {
                    throw error(f, i + 1, features.get(i), "'" + v + "' is not 0 or 1");
                }
                values.put(features.get(i), v.equals("1"));
            }
            int tail = pk ? PK_COLUMNS.size() : 0;
            int k = f.length - tail - COVARIATES.size();
            List<Double> z = new ArrayList<>(tail);
            for (int i = 0; i < tail; i++) {
                z.add(score(f, f.length - tail + i, PK_COLUMNS.get(i)));
            }
            double weight = number(f, k, COVARIATES.get(0));
            double ecd = number(f, k + 1, COVARIATES.get(1));
            String sites = f[k + 2].strip();
            if (!sites.matches("\\d+") || sites.length() > 4 || Integer.parseInt(sites) < 1) {
                throw error(f, k + 2, COVARIATES.get(2), "'" + sites + "' is not a whole number from 1");
            }
            int index = id.matches("P\\d{6,9}") ? Integer.parseInt(id.substring(1)) - 1 : order;
            return new Patient(id, index, values, weight, ecd, Integer.parseInt(sites), z);
        }

        /** A PK score: a finite number within +-10 (standard normal scores beyond that are not plausible draws). */
        private double score(String[] f, int i, String name) {
            String v = f[i].strip();
            try {
                double x = Double.parseDouble(v);
                if (Double.isFinite(x) && Math.abs(x) <= 10) {
                    return x;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(f, i, name, "'" + v + "' is not a standard-normal score between -10 and 10");
        }

        private double number(String[] f, int i, String name) {
            String v = f[i].strip();
            try {
                double x = Double.parseDouble(v);
                if (Double.isFinite(x) && x >= 0) {
                    return x;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(f, i, name, "'" + v + "' is not a non-negative number");
        }

        private ModelException error(String[] f, int i, String name, String message) {
            return new ModelException(new SourceLocation(file, line, column(f, i)), "field '" + name + "': " + message);
        }

        private static int column(String[] f, int i) {
            int col = 1;
            for (int k = 0; k < i; k++) {
                col += f[k].length() + 1;
            }
            return col;
        }
    }
}
