// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.pk;

import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.error.SourceLocation;

/**
 * A dosing regimen of {@code regimens.yaml}.
 *
 * @param therapy the therapy id of {@code therapies.yaml} it drives
 * @param loadingDose the first dose given, or null (every dose is {@code dose})
 * @param unit {@code mg/kg}, {@code mg} or {@code mg/m2}
 * @param dosesPerDay oral doses a day (1 for other routes)
 * @param loadingInfusionMin length of the first infusion, minutes
 * @param infusionMin length of later infusions, minutes (0: bolus)
 * @param cycles number of cycles, or 0 for open-ended
 * @param model the drug model to use by default, or null (the drug's default)
 */
public record Regimen(String id, String drug, String therapy, List<String> aliases, Dose.Route route, Double loadingDose, double dose,
                      String unit, double intervalDays, int dosesPerDay, double loadingInfusionMin, double infusionMin, int cycles,
                      String model, SourceLocation at) {
    public Regimen {
        aliases = List.copyOf(aliases);
    }

    /** True when {@code word} is its id or an alias, ignoring case. */
    public boolean answersTo(String word) {
        return id.equalsIgnoreCase(word) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(word));
    }

    /** E.g. {@code 8 -> 6 mg/kg IV every 21 days}. */
    public String describe() {
        String amount = (loadingDose != null ? Patient.num(loadingDose) + " -> " : "") + Patient.num(dose) + " " + unit;
        String every = intervalDays == 1 ? "every day" : "every " + Patient.num(intervalDays) + " days";
        String times = dosesPerDay > 1 ? " " + dosesPerDay + " times a day" : "";
        String length = cycles > 0 ? ", " + cycles + " cycles" : "";
        return amount + " " + route.name() + times + " " + every + length;
    }

    private double amount(double perUnit, double weightKg) {
        return switch (unit) {
            case "mg/kg" -> perUnit * weightKg;
            case "mg" -> perUnit;
            default -> Double.NaN;
        };
    }

    /**
     * Lays the regimen out from day 0 to {@code days}: cycles start every {@code intervalDays}
     * plus any delay; skipped cycles get no dose.
     *
     * @throws PkInputException when a delay or skip names a cycle beyond a fixed regimen's last
     */
    public Schedule schedule(double weightKg, double days, Modifications mods) {
        int last = mods.delays().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        last = Math.max(last, mods.skips().stream().mapToInt(Integer::intValue).max().orElse(0));
        if (cycles > 0 && last > cycles) {
            throw new PkInputException(mods.skips().contains(last) ? "skip" : "delay",
                "cycle " + last + " is beyond the regimen's " + cycles + " cycles");
        }
        List<Schedule.Cycle> out = new ArrayList<>();
        List<Dose> doses = new ArrayList<>();
        boolean given = false;
        double start = mods.delay(1);
        for (int k = 1; start < days && (cycles == 0 || k <= cycles); k++) {
            double next = start + intervalDays + mods.delay(k + 1);
            double end = cycles > 0 && k == cycles ? start + intervalDays : next;
            if (mods.skips().contains(k)) {
                out.add(new Schedule.Cycle(k, start, end, true, 0, "skipped"));
            } else {
                double perUnit = !given && loadingDose != null ? loadingDose : dose;
                double minutes = given ? infusionMin : loadingInfusionMin;
                double mg = amount(perUnit, weightKg);
                for (int j = 0; j < dosesPerDay; j++) {
                    double duration = route == Dose.Route.IV ? minutes / 1440.0 : 0;
                    doses.add(new Dose(start + j * intervalDays / dosesPerDay, mg, duration, route, k));
                }
                out.add(new Schedule.Cycle(k, start, end, false, mg * dosesPerDay, Patient.num(perUnit) + " " + unit
                    + (dosesPerDay > 1 ? " x" + dosesPerDay : "")));
                given = true;
            }
            start = next;
        }
        return new Schedule(out, doses);
    }
}
