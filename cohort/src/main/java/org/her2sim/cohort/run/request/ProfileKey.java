// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.request;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.her2.catalog.Fix;
import org.her2sim.her2.profile.Profile;

/**
 * What the model simulates of a profile: its active mechanisms and its context's node fixes, both
 * sorted. Profiles with the same key give the same simulations, so a cohort simulates each key once.
 *
 * @param mechanisms active mechanism ids, sorted, without repeats
 * @param context context fixes as {@code NODE=0|1}, sorted, without repeats
 */
public record ProfileKey(List<String> mechanisms, List<String> context) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ProfileKey {
        mechanisms = mechanisms.stream().distinct().sorted().toList();
        context = context.stream().distinct().sorted().toList();
    }

    /** The key of a resolved profile. */
    public static ProfileKey of(Profile.Resolved r) {
        return new ProfileKey(r.mechanisms(), r.contextFixes().stream().map(Fix::toString).toList());
    }

    /** The same with only those of its mechanisms that are in {@code keep}. */
    public ProfileKey only(Collection<String> keep) {
        return new ProfileKey(mechanisms.stream().filter(keep::contains).toList(), context);
    }

    /** The context as node fixes. */
    public List<Fix> contextFixes() {
        List<Fix> out = new ArrayList<>();
        for (String c : context) {
            int eq = c.indexOf('=');
            out.add(new Fix(c.substring(0, eq), Integer.parseInt(c.substring(eq + 1)), SourceLocation.of("context")));
        }
        return out;
    }

    /** {@code pik3ca_activation+pten_loss}, {@code none} without mechanisms, then {@code |HRG=1,...} when there is a context. */
    public String text() {
        String m = mechanisms.isEmpty() ? "none" : String.join("+", mechanisms);
        return context.isEmpty() ? m : m + "|" + String.join(",", context);
    }

    @Override
    public String toString() {
        return text();
    }
}
