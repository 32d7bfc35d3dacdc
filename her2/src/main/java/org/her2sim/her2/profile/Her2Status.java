// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.profile;

import java.util.List;
import java.util.Locale;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * A profile's HER2 test results, {@code her2: {ihc: "1+", ish: negative, copy_number: 3.1}}, any
 * subset. {@link #classify} turns them into one class of {@code genes.yaml}'s {@code her2_status}
 * by the ASCO/CAP 2018 rules (Wolff 2018): ISH-positive, a mean copy number of at least 6, or IHC
 * 3+ is amplified ("3+"); otherwise the IHC score decides, and HER2-low is 1+ or 2+ without
 * amplification.
 *
 * @param ihc "0", "ultralow", "1+", "2+", "3+" or null
 * @param ish "positive", "negative" or null
 * @param copyNumber mean ERBB2 copies per cell, or null
 * @param at where {@code her2:} is written
 */
public record Her2Status(String ihc, String ish, Double copyNumber, SourceLocation at) {
    /** IHC scores as written. */
    public static final List<String> IHC = List.of("0", "ultralow", "1+", "2+", "3+");
    /** ISH results as written. */
    public static final List<String> ISH = List.of("positive", "negative");
    /** Copies per cell from which ISH counts as amplified (ASCO/CAP 2018). */
    public static final double AMPLIFIED_COPIES = 6;
    /** Copies per cell below which ISH counts as not amplified. */
    public static final double NORMAL_COPIES = 4;

    public Her2Status {
        if (ihc != null) {
            ihc = ihc.trim().toLowerCase(Locale.ROOT).replace("ultra-low", "ultralow");
            if (!IHC.contains(ihc)) {
                throw new ModelException(at, "her2: ihc '" + ihc + "' is not one of " + String.join(", ", IHC));
            }
        }
        if (ish != null) {
            ish = ish.trim().toLowerCase(Locale.ROOT);
            if (!ISH.contains(ish)) {
                throw new ModelException(at, "her2: ish '" + ish + "' is not one of " + String.join(", ", ISH));
            }
        }
        if (copyNumber != null && (!Double.isFinite(copyNumber) || copyNumber < 0 || copyNumber > 1000)) {
            throw new ModelException(at, "her2: copy_number " + copyNumber + " is not a copy number per cell (0 to 1000)");
        }
        if (ihc == null && ish == null && copyNumber == null) {
            throw new ModelException(at, "her2: give at least one of ihc, ish, copy_number");
        }
    }

    /** The class and why, with a warning when the results leave room for doubt (empty if none). */
    public record Call(String her2Class, String reason, String warning) { }

    /** The HER2 class: "3+" (amplified), "2+", "1+", "ultralow" or "0". */
    public Call classify() {
        boolean ishPos = "positive".equals(ish) || copyNumber != null && copyNumber >= AMPLIFIED_COPIES;
        boolean ishNeg = "negative".equals(ish) || copyNumber != null && copyNumber < NORMAL_COPIES;
        if ("positive".equals(ish) && copyNumber != null && copyNumber < NORMAL_COPIES) {
            throw new ModelException(at, "her2: ish positive but copy_number " + copyNumber + " is below " + NORMAL_COPIES
                + " (not amplified); give one of them");
        }
        if (ishPos) {
            String w = ihc != null && !ihc.equals("3+") && !ihc.equals("2+")
                ? at + ": her2: IHC " + ihc + " with amplified ISH: the ISH result decides (ASCO/CAP 2018), modelled as HER2-positive" : "";
            return new Call("3+", "ISH amplified", w);
        }
        if ("3+".equals(ihc)) {
            String w = ishNeg ? at + ": her2: IHC 3+ with a non-amplified ISH result: IHC 3+ decides (ASCO/CAP 2018), modelled as HER2-positive" : "";
            return new Call("3+", "IHC 3+", w);
        }
        if (ihc != null) {
            String w = "2+".equals(ihc) && !ishNeg
                ? at + ": her2: IHC 2+ without an ISH result is equivocal; modelled as HER2-low (2+, not amplified)" : "";
            return new Call(ihc, "IHC " + ihc + (ishNeg ? ", ISH not amplified" : ""), w);
        }
        return new Call("1+", "ISH not amplified, no IHC score",
            at + ": her2: no IHC score for a non-amplified tumour; modelled as IHC 1+ (the most common class of HER2-negative disease)");
    }
}
