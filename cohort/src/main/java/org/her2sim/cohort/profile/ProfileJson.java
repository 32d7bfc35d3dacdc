// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.cohort.classify.Call;
import org.her2sim.her2.profile.Profile;

/**
 * A sample's profile in its JSON form: the her2 profile's content, the files read, each alteration
 * with its rule, sources and origin, and the unclassified variants.
 *
 * @param context setting to level
 */
public record ProfileJson(String name, String description, List<String> files, List<Alteration> alterations, List<String> mechanisms,
                          Map<String, String> context, List<Unclassified> unclassified) {
    public ProfileJson {
        files = List.copyOf(files);
        alterations = List.copyOf(alterations);
        mechanisms = List.copyOf(mechanisms);
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        unclassified = List.copyOf(unclassified);
    }

    /** An alteration and where it came from ({@code at}: file and line). */
    public record Alteration(String gene, String kind, String variant, String rule, List<String> sources, String at) { }

    /** A variant listed, not applied, and why. */
    public record Unclassified(String gene, String variant, String reason, String at) { }

    /** The JSON form of a sample's profile. */
    public static ProfileJson of(SampleProfile sp) {
        Profile p = sp.profile();
        List<Alteration> alts = new ArrayList<>();
        for (Call.Altered a : sp.altered()) {
            alts.add(new Alteration(a.gene(), a.kind(), a.variant(), a.rule(), a.sources(), a.at().toString()));
        }
        Map<String, String> ctx = new LinkedHashMap<>();
        p.context().forEach(s -> ctx.put(s.key(), s.level()));
        List<Unclassified> un = new ArrayList<>();
        for (Call.Unclassified u : sp.unclassified()) {
            un.add(new Unclassified(u.gene(), u.variant(), u.reason(), u.at().toString()));
        }
        return new ProfileJson(p.name(), p.description(), sp.files(), alts, p.mechanisms().stream().map(Profile.Named::name).toList(), ctx, un);
    }
}
