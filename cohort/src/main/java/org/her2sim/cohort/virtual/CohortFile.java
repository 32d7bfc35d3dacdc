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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.her2sim.engine.model.ModelException;
import org.her2sim.engine.model.SourceLocation;

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
 * id,pik3ca_mutation,pten_loss,...,weight_kg,serum_ecd_ng_ml,metastatic_sites
 * P000001,1,0,...,64.2,18.35,2
 * </pre>
 *
 * Feature columns hold 0 or 1; the covariates are the last three columns, in that order.
 */
public final class CohortFile {
    /** The first line. */
    public static final String MAGIC = "# her2sim virtual cohort";
    /** The covariate columns. */
    public static final List<String> COVARIATES = List.of("weight_kg", "serum_ecd_ng_ml", "metastatic_sites");

    private CohortFile() {
    }

    /** Writes a cohort; feature columns in the order of the first patient's features. */
    public static void write(Cohort c, Writer w) throws IOException {
        w.write(MAGIC + "\n");
        w.write("# version: " + c.version() + "\n");
        w.write("# seed: " + c.seed() + "\n");
        w.write("# setting: " + c.setting().id() + "\n");
        w.write("# size: " + c.patients().size() + "\n");
        w.write("# rng: L64X128MixRandom, one stream per patient from (seed, index)\n");
        List<String> features = c.patients().isEmpty() ? List.of() : new ArrayList<>(c.patients().get(0).features().keySet());
        List<String> head = new ArrayList<>(List.of("id"));
        head.addAll(features);
        head.addAll(COVARIATES);
        w.write(String.join(",", head) + "\n");
        StringBuilder sb = new StringBuilder();
        for (Patient p : c.patients()) {
            sb.setLength(0);
            sb.append(p.id());
            for (String f : features) {
                sb.append(',').append(p.has(f) ? '1' : '0');
            }
            sb.append(',').append(String.format(Locale.ROOT, "%.1f", p.weightKg()));
            sb.append(',').append(String.format(Locale.ROOT, "%.2f", p.serumEcdNgMl()));
            sb.append(',').append(p.metastaticSites()).append('\n');
            w.write(sb.toString());
        }
    }

    /**
     * Reads a cohort file.
     *
     * @throws ModelException for a malformed line, naming file, line, column and field
     * @throws IOException when the file cannot be read
     */
    public static Cohort read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Parse(file.toString()).run(in);
        }
    }

    /** One read. */
    private static final class Parse {
        private final String file;
        private final Map<String, String> meta = new LinkedHashMap<>();
        private final Map<String, Integer> metaLine = new LinkedHashMap<>();
        private int line;

        Parse(String file) {
            this.file = file;
        }

        Cohort run(BufferedReader in) throws IOException {
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
            List<String> features = header(head, headLine);
            List<Patient> patients = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            while ((s = in.readLine()) != null) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                Patient p = row(s.split(",", -1), head, features, patients.size());
                if (!ids.add(p.id())) {
                    throw new ModelException(new SourceLocation(file, line, 1), "id: '" + p.id() + "' is repeated");
                }
                patients.add(p);
            }
            String size = meta.get("size");
            if (size != null && !size.equals(String.valueOf(patients.size()))) {
                throw new ModelException(new SourceLocation(file, metaLine.get("size"), 0), "size: the header says " + size
                    + " but the file has " + patients.size() + " patients");
            }
            return new Cohort(seed, setting, meta.getOrDefault("version", ""), patients);
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
            int n = head.length;
            if (n < 1 + COVARIATES.size()) {
                throw new ModelException(new SourceLocation(file, at, 0), "header row: expected id, the features, then "
                    + String.join(", ", COVARIATES));
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
            int k = f.length - COVARIATES.size();
            double weight = number(f, k, COVARIATES.get(0));
            double ecd = number(f, k + 1, COVARIATES.get(1));
            String sites = f[k + 2].strip();
            if (!sites.matches("\\d+") || sites.length() > 4 || Integer.parseInt(sites) < 1) {
                throw error(f, k + 2, COVARIATES.get(2), "'" + sites + "' is not a whole number from 1");
            }
            int index = id.matches("P\\d{6,9}") ? Integer.parseInt(id.substring(1)) - 1 : order;
            return new Patient(id, index, values, weight, ecd, Integer.parseInt(sites));
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
