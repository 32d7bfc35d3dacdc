// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Root;
import org.her2sim.her2.tumour.TumourParams;

/** The SHA-256 of the model's data files, so a stored run says which model made it. */
final class ModelHash {
    private ModelHash() {
    }

    /** The data files a run depends on, by name below the root, sorted. */
    static List<String> files(Root root) throws IOException {
        List<String> names = new ArrayList<>(List.of(Catalog.BND, Catalog.CFG, Catalog.RESPONSE, Catalog.MECHANISMS, Catalog.THERAPIES,
            Catalog.GENES, Catalog.CONTEXT, Catalog.EVIDENCE, TumourParams.FILE));
        names.addAll(root.list("pk", ".yaml"));
        names.addAll(root.list(Catalog.PROFILES, ".yaml"));
        names.removeIf(n -> !root.exists(n));
        names.sort(null);
        return names;
    }

    /** Hex SHA-256 over each file's name and text. */
    static String of(Root root) throws IOException {
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
