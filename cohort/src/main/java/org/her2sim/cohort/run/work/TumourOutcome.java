// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.work;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The tumours of one distinct profile's patients.
 *
 * @param patients one per patient, in the order of {@link TumourInput#patients()}
 */
public record TumourOutcome(List<Patient> patients) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TumourOutcome {
        patients = List.copyOf(patients);
    }

    /**
     * One patient's tumour.
     *
     * @param best best RECIST response: CR, PR, SD or PD
     * @param progressionDay the day of progression, or -1 when none within the run
     * @param largestClone the largest clone at progression (or at the end), e.g. {@code founder +pten_loss}
     * @param cycleOneTrough the exposure metric: the dosed antibody's concentration before its second dose, ug/mL
     *     ({@link TumourWork#troughTherapy}), or NaN
     */
    public record Patient(String id, String best, double progressionDay, String largestClone, double cycleOneTrough) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Without an exposure metric. */
        public Patient(String id, String best, double progressionDay, String largestClone) {
            this(id, best, progressionDay, largestClone, Double.NaN);
        }

        /** True when the disease progressed within the run. */
        public boolean progressed() {
            return progressionDay >= 0;
        }

        /** True for CR or PR. */
        public boolean objectiveResponse() {
            return best.equals("CR") || best.equals("PR");
        }
    }

    /** One {@code id<TAB>best<TAB>day<TAB>clone<TAB>trough} line per patient; doubles round-trip exactly. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Patient p : patients) {
            sb.append(p.id()).append('\t').append(p.best()).append('\t').append(p.progressionDay()).append('\t').append(p.largestClone()).append('\t')
                .append(p.cycleOneTrough()).append('\n');
        }
        return sb.toString();
    }

    /** Reads {@link #toText()}. @throws IllegalArgumentException when malformed */
    public static TumourOutcome parse(String text) {
        List<Patient> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("expected 5 fields in '" + line + "'");
            }
            out.add(new Patient(f[0], f[1], Double.parseDouble(f[2]), f[3], Double.parseDouble(f[4])));
        }
        return new TumourOutcome(out);
    }
}
