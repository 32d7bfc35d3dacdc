// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.service.Her2Model;
import org.her2sim.her2.service.RequestException;

/** The model catalog the HER2 commands read: the bundled one, or {@code --catalog DIR}. */
final class Her2Input {
    static final String CATALOG_HELP = "read the model's data files from DIR (laid out like her2/) instead of the bundled ones";

    private Her2Input() {
    }

    static Catalog catalog(Args a) throws IOException {
        String dir = a.value("--catalog");
        if (dir == null) {
            return Catalog.load();
        }
        Catalog c = Catalog.load(Path.of(dir));
        for (String problem : c.check()) {
            System.err.println("her2sim: warning: " + problem);
        }
        return c;
    }

    /** The whole model of {@code --catalog} (or the bundled one): catalog, PK and tumour data. */
    static Her2Model model(Args a) throws IOException {
        return Her2Model.of(catalog(a));
    }

    /** The option of each request field whose option is not {@code --FIELD}. */
    private static final Map<String, String> OPTIONS = Map.of("therapies", "--therapy", "metSites", "--met-sites", "delays", "--delay",
        "skips", "--skip", "profileYaml", "--profile");

    /** The CLI's option for a request's field, e.g. {@code --met-sites} for {@code metSites}. */
    static String option(String field) {
        return OPTIONS.getOrDefault(field, "--" + field);
    }

    /** A bad request value as a usage error naming the option. */
    static Args.UsageException usage(RequestException e) {
        return new Args.UsageException("option '" + option(e.field()) + "': " + e.problem());
    }

    /** The model reference of {@code --catalog} (or the bundled model) with its catalog already loaded. */
    static ModelRef modelRef(Args a, Catalog loaded) {
        String dir = a.value("--catalog");
        return (dir == null ? ModelRef.bundled() : ModelRef.directory(Path.of(dir))).with(loaded);
    }

    /** A positive whole-number option, or the fallback. */
    static long positive(Args a, String key, long fallback) {
        Long v = a.longValue(key);
        if (v == null) {
            return fallback;
        }
        if (v < 1) {
            throw new Args.UsageException("option '" + key + "' needs a number of at least 1, not " + v);
        }
        return v;
    }
}
