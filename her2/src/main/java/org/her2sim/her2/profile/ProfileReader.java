// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.model.InputFiles;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.YamlNode;

/** Reads profile YAML files; entries are checked against the catalog later, by {@link Profile#resolve}. */
public final class ProfileReader {
    private ProfileReader() {
    }

    /**
     * A profile by file path or by name: an existing file is read; otherwise {@code NAME} (or
     * {@code NAME.yaml}) is looked up in the catalog's {@code profiles/} folder.
     *
     * @throws ModelException when neither exists, listing the known profile names
     */
    public static Profile find(String fileOrName, Catalog catalog) throws IOException {
        Path p = Path.of(fileOrName);
        if (Files.isRegularFile(p)) {
            return read(p);
        }
        String name = fileOrName.endsWith(".yaml") ? fileOrName.substring(0, fileOrName.length() - 5) : fileOrName;
        String rel = Catalog.PROFILES + "/" + name + ".yaml";
        if (!name.contains("/") && catalog.root().exists(rel)) {
            return parse(catalog.root().display(rel), name, catalog.root().read(rel));
        }
        throw new ModelException(SourceLocation.of("--profile"), "no profile file '" + fileOrName + "' and no bundled profile of that name"
            + " (bundled: " + String.join(", ", catalog.profileNames()) + ")");
    }

    /** Reads a profile file; its name defaults to the file's base name. */
    public static Profile read(Path file) throws IOException {
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(file.toString(), base, InputFiles.readText(file, YamlNode.MAX_BYTES));
    }

    /**
     * Parses profile YAML.
     *
     * @param source the name used in messages
     * @param defaultName the name when the file gives none
     * @throws ModelException for a syntax error, an unknown field or a malformed entry
     */
    public static Profile parse(String source, String defaultName, String text) {
        return of(YamlNode.parse(source, text), defaultName);
    }

    /**
     * A profile from a parsed YAML map (a file, or a profile inside another file).
     *
     * @throws ModelException for an unknown field or a malformed entry
     */
    public static Profile of(YamlNode y, String defaultName) {
        String w = "profile";
        y.allowKeys(w, "name", "description", "alterations", "mechanisms", "context", "her2");
        List<Profile.Alteration> alterations = new ArrayList<>();
        for (YamlNode a : y.list("alterations", w)) {
            String aw = "alteration";
            a.allowKeys(aw, "gene", "kind", "variant");
            alterations.add(new Profile.Alteration(a.string("gene", aw), a.string("kind", aw), a.string("variant", aw, ""), a.at()));
        }
        List<Profile.Named> mechanisms = new ArrayList<>();
        for (YamlNode m : y.list("mechanisms", w)) {
            mechanisms.add(new Profile.Named(m.text("mechanisms"), m.at()));
        }
        List<Profile.Setting> context = new ArrayList<>();
        YamlNode c = y.get("context", w);
        if (c != null) {
            for (YamlNode.Entry e : c.entries("context")) {
                context.add(new Profile.Setting(e.key(), e.value().text("context " + e.key()), e.keyNode().at(), e.value().at()));
            }
        }
        Her2Status her2 = null;
        YamlNode h = y.get("her2", w);
        if (h != null) {
            String hw = "her2";
            h.allowKeys(hw, "ihc", "ish", "copy_number");
            YamlNode cn = h.get("copy_number", hw);
            her2 = new Her2Status(h.string("ihc", hw, null), h.string("ish", hw, null),
                cn == null ? null : cn.number(hw + ", field 'copy_number'"), h.at());
        }
        return new Profile(y.string("name", w, defaultName), y.string("description", w, ""), alterations, mechanisms, context, her2);
    }
}
