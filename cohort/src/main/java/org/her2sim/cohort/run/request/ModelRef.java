// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.request;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Parameters;
import org.her2sim.her2.catalog.Root;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.service.Her2Model;
import org.her2sim.her2.tumour.TumourParams;

/**
 * Where the HER2 model is read from, in a form that can be shipped to another JVM (a cluster
 * worker), which loads the catalog once on first use.
 */
public final class ModelRef implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The data files the model hash covers, in this order (absent ones are skipped). */
    public static final List<String> FILES = List.of(Catalog.BND, Catalog.CFG, Catalog.RESPONSE, Catalog.MECHANISMS, Catalog.THERAPIES,
        Catalog.GENES, Catalog.CONTEXT, Catalog.EVIDENCE, "tumour.yaml", "tumour_fitted.yaml", PkData.DRUGS, PkData.REGIMENS, Parameters.FILE, Parameters.FITTED);

    private final String kind;
    private final String location;
    private transient Catalog catalog;
    private transient PkData pk;
    private transient TumourParams tumour;
    private transient PrevalenceModel prevalence;

    private ModelRef(String kind, String location, Catalog catalog) {
        this.kind = kind;
        this.location = location;
        this.catalog = catalog;
    }

    /** The bundled model. */
    public static ModelRef bundled() {
        return new ModelRef("bundled", "her2/", null);
    }

    /** A model in a directory laid out like {@code her2/}. */
    public static ModelRef directory(Path dir) {
        return new ModelRef("directory", dir.toAbsolutePath().toString(), null);
    }

    /** A model under a classpath prefix (test fixtures). */
    public static ModelRef classpath(String prefix) {
        return new ModelRef("classpath", prefix, null);
    }

    /** The same reference with its catalog already loaded (saves a second load in this JVM). */
    public ModelRef with(Catalog loaded) {
        return new ModelRef(kind, location, loaded);
    }

    /** The catalog, loaded on first use in each JVM. */
    public synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = load(() -> switch (kind) {
                case "bundled" -> Catalog.load();
                case "directory" -> Catalog.load(Path.of(location));
                default -> Catalog.load(Root.classpath(location));
            });
        }
        return catalog;
    }

    /** The same reference with the whole model already loaded. */
    public ModelRef with(Her2Model loaded) {
        ModelRef r = new ModelRef(kind, location, loaded.catalog());
        r.pk = loaded.pk();
        r.tumour = loaded.tumour();
        return r;
    }

    /** The whole HER2 model of this root (catalog, PK, tumour), each part loaded once in each JVM. */
    public Her2Model her2() {
        return new Her2Model(catalog(), pk(), tumour());
    }

    /** The tumour parameters ({@code tumour.yaml}), loaded on first use in each JVM. */
    public synchronized TumourParams tumour() {
        if (tumour == null) {
            tumour = load(() -> TumourParams.load(catalog()));
        }
        return tumour;
    }

    /**
     * The prevalences virtual patients are drawn from and cohort files are read with, loaded on first
     * use in each JVM. They belong to the cohort module ({@value PrevalenceModel#RESOURCE}), the same
     * whatever the model's root.
     */
    public synchronized PrevalenceModel prevalence() {
        if (prevalence == null) {
            prevalence = load(() -> PrevalenceModel.load());
        }
        return prevalence;
    }

    /** The drugs and regimens of the model's {@code pk/} folder, loaded on first use in each JVM. */
    public synchronized PkData pk() {
        if (pk == null) {
            pk = load(() -> PkData.load(catalog().root()));
        }
        return pk;
    }

    /** Something read from the model's files. */
    private interface Reading<T> {
        T read() throws IOException;
    }

    private static <T> T load(Reading<T> r) {
        try {
            return r.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bundled}, or the directory or classpath prefix. */
    public String describe() {
        return kind.equals("bundled") ? "bundled" : kind + " " + location;
    }

    /** SHA-256 over the names and contents of the model's data files ({@link #FILES}), in hex. */
    public String sha256() throws IOException {
        Root root = catalog().root();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String f : FILES) {
                if (root.exists(f)) {
                    md.update((f + "\n").getBytes(StandardCharsets.UTF_8));
                    md.update(root.read(f).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
