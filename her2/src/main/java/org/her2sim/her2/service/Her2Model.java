// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Parameters;
import org.her2sim.her2.catalog.Root;
import org.her2sim.her2.pk.PkData;
import org.her2sim.her2.tumour.TumourParams;

/**
 * The HER2 model read once from one root (the bundled files, or a directory laid out like
 * {@code her2/}): the cell model's catalog, the PK data and the tumour parameters, all from that root.
 */
public record Her2Model(Catalog catalog, PkData pk, TumourParams tumour) {
    /** The bundled model. */
    public static Her2Model load() throws IOException {
        return of(Catalog.load());
    }

    /** The model of a directory laid out like {@code her2/}. */
    public static Her2Model load(Path dir) throws IOException {
        return of(Catalog.load(Root.directory(dir)));
    }

    /** The PK and tumour data read from the catalog's own root. */
    public static Her2Model of(Catalog catalog) throws IOException {
        return new Her2Model(catalog, PkData.load(catalog.root()), TumourParams.load(catalog));
    }

    /** The data files a run of this model depends on, by name below the root, sorted. */
    public List<String> files() throws IOException {
        return files(catalog.root());
    }

    /** The data files below {@code root} a run of its model depends on, sorted. */
    static List<String> files(Root root) throws IOException {
        List<String> names = new ArrayList<>(List.of(Catalog.BND, Catalog.CFG, Catalog.RESPONSE, Catalog.MECHANISMS, Catalog.THERAPIES,
            Catalog.GENES, Catalog.CONTEXT, Catalog.EVIDENCE, Parameters.FILE, Parameters.FITTED, TumourParams.FILE, TumourParams.FITTED));
        names.addAll(root.list("pk", ".yaml"));
        names.addAll(root.list(Catalog.PROFILES, ".yaml"));
        names.removeIf(n -> !root.exists(n));
        names.sort(null);
        return names;
    }

    /** The content hash: hex SHA-256 over each of {@link #files}' name and text, so a stored run says which model made it. */
    public String sha256() throws IOException {
        return sha256(catalog);
    }

    /** {@link #sha256} of the model whose cell part is {@code catalog} (the same files, read from its root; PK data not needed). */
    public static String sha256(Catalog catalog) throws IOException {
        Root root = catalog.root();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String n : files(root)) {
                md.update(n.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(root.read(n).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
