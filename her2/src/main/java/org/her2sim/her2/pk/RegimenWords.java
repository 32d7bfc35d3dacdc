// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Catalog;

/**
 * The words of {@code --therapy} or {@code --regimen} as therapy ids and dosing regimens: a word
 * naming a dosing regimen of {@code pk/regimens.yaml} (e.g. {@code trastuzumab_q3w}) doses its
 * therapy; any other word must name a therapy (id, name or alias).
 *
 * @param therapies therapy ids, in order, each once
 * @param dosing the dosing regimen ids among them
 * @param words the words made canonical, in order: a dosing regimen's id, or a therapy's id
 */
public record RegimenWords(List<String> therapies, List<String> dosing, List<String> words) {
    public RegimenWords {
        therapies = List.copyOf(therapies);
        dosing = List.copyOf(dosing);
        words = List.copyOf(words);
    }

    /**
     * Resolves words.
     *
     * @param pk the dosing regimens, or null when words may name therapies only (a repeated therapy is then kept once)
     * @param option the option, for messages
     * @throws ModelException for an unknown therapy, or a therapy named twice when {@code pk} is given
     */
    public static RegimenWords resolve(Catalog catalog, PkData pk, List<String> words, String option) {
        List<String> ids = new ArrayList<>();
        List<String> dosing = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        SourceLocation at = SourceLocation.of(option);
        for (String w : words) {
            Regimen r = pk == null ? null : pk.regimens().get(w.strip().toLowerCase(Locale.ROOT));
            String id = r != null ? r.therapy() : catalog.requireTherapy(w, at).id();
            if (ids.contains(id)) {
                if (pk != null) {
                    throw new ModelException(at, "therapy '" + id + "' is given twice in " + words);
                }
                continue;
            }
            ids.add(id);
            canonical.add(r != null ? r.id() : id);
            if (r != null) {
                dosing.add(r.id());
            }
        }
        return new RegimenWords(ids, dosing, canonical);
    }
}
