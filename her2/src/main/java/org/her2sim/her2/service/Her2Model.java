// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.service;

import java.io.IOException;
import java.nio.file.Path;
import org.her2sim.her2.catalog.Catalog;
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
}
