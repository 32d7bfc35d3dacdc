// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.catalog;

import java.util.Set;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * {@code same_as: {id: X, why: "..."}}: a therapy or mechanism that the network cannot tell apart
 * from another one, and why that is acceptable. A test checks that entries without it give
 * predictions different from every other entry on the bundled profiles.
 */
public record SameAs(String id, String why, SourceLocation at) {
    /**
     * Checks that {@code sameAs} (may be null) names another entry of the same kind.
     *
     * @throws ModelException naming the field's location for an unknown id or the entry itself
     */
    static void check(SameAs sameAs, String kind, String owner, Set<String> ids) {
        if (sameAs == null) {
            return;
        }
        String w = kind + " '" + owner + "': same_as: ";
        if (sameAs.id().equals(owner)) {
            throw new ModelException(sameAs.at(), w + "names the " + kind + " itself");
        }
        if (!ids.contains(sameAs.id())) {
            throw new ModelException(sameAs.at(), w + Names.unknown(kind, sameAs.id(), ids));
        }
    }

    /** Reads the optional field of {@code owner}; null when absent. */
    static SameAs read(YamlNode owner, String what) {
        YamlNode s = owner.get("same_as", what);
        if (s == null) {
            return null;
        }
        String w = what + ", field 'same_as'";
        s.allowKeys(w, "id", "why");
        String why = s.string("why", w);
        if (why.isBlank()) {
            throw s.error(w + ": 'why' must say why the two cannot be told apart");
        }
        return new SameAs(s.string("id", w), why, s.at());
    }
}
