// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.model.StackGuard;

/** The formats registered with {@link ServiceLoader} under {@link Format}, looked up by id or file name. Immutable. */
public final class FormatRegistry {
    private final List<Format> formats;

    private FormatRegistry(List<Format> formats) {
        this.formats = List.copyOf(formats);
    }

    /** The formats on the class path, sorted by id. */
    public static FormatRegistry load() {
        List<Format> found = new ArrayList<>();
        for (Format f : ServiceLoader.load(Format.class, FormatRegistry.class.getClassLoader())) {
            found.add(f);
        }
        found.sort(Comparator.comparing(Format::id));
        return new FormatRegistry(found);
    }

    /** Every format, sorted by id. */
    public List<Format> all() {
        return formats;
    }

    /** The format with this id, if any. */
    public Optional<Format> byId(String id) {
        return formats.stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
    }

    /**
     * The format of a file: the one given by {@code id} when not null, else the one whose
     * extension ends the file name (the longest match wins, so {@code x.zginml} is not {@code ginml}).
     *
     * @throws ModelException naming the file when no format matches
     */
    public Format forFile(Path file, String id) {
        if (id != null) {
            return byId(id).orElseThrow(() -> new ModelException(SourceLocation.of(file.toString()),
                "unknown format '" + id + "' (known: " + ids() + ")"));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Format best = null;
        int bestLength = -1;
        for (Format f : formats) {
            for (String ext : f.extensions()) {
                if (name.endsWith("." + ext) && ext.length() > bestLength) {
                    best = f;
                    bestLength = ext.length();
                }
            }
        }
        if (best == null) {
            throw new ModelException(SourceLocation.of(file.toString()),
                "cannot tell the format from the file name; give it (known: " + ids() + ")");
        }
        return best;
    }

    /**
     * Reads a file in its format.
     *
     * @param id the format id, or null to guess it from the file name
     * @throws ModelException naming the file when the format is unknown, cannot be read, or the content is wrong
     */
    public ModelDocument read(Path file, String id) throws java.io.IOException {
        Format f = forFile(file, id);
        ModelReader r = f.reader().orElseThrow(() -> new ModelException(SourceLocation.of(file.toString()),
            "format " + f.id() + " can be written but not read"));
        try {
            return r.read(file);
        } catch (StackOverflowError e) {
            throw StackGuard.tooDeep(SourceLocation.of(file.toString()));
        }
    }

    private String ids() {
        return formats.stream().map(Format::id).collect(Collectors.joining(", "));
    }
}
