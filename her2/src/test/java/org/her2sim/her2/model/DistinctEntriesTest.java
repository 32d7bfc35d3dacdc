// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Mechanism;
import org.her2sim.her2.catalog.SameAs;
import org.her2sim.her2.catalog.Therapy;
import org.her2sim.her2.predict.PhenotypeResult;
import org.her2sim.her2.predict.Scenario;
import org.her2sim.her2.predict.Simulation;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No two therapies and no two mechanisms give identical predictions on every tumour the model
 * describes in one step (each bundled profile, the baseline with each mechanism, the baseline with
 * each context level) unless one names the other in {@code same_as} with a reason. A drug whose
 * target no bundled profile carries (an AXL inhibitor) is told apart on the tumour that carries it.
 * Identical networks give identical numbers under one seed (common random numbers), so
 * "identical" is exact equality of every phenotype and read-out; pairs that differ on the baseline
 * profile are not simulated further.
 */
class DistinctEntriesTest {
    static final long SEED = 41;
    static final long SAMPLES = 40;
    static Catalog catalog;
    static List<Profile.Resolved> profiles;
    static final Map<String, PhenotypeResult> CACHE = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        catalog = Catalog.load();
        profiles = new ArrayList<>();
        for (String name : catalog.profileNames()) {
            profiles.add(ProfileReader.find(name, catalog).resolve(catalog, false));
        }
    }

    static List<Double> signature(List<String> mechanisms, List<String> context, Profile.Resolved p, List<String> therapies) {
        String key = mechanisms + "|" + p.profile().name() + "|" + p.contextFixes() + "|" + therapies;
        PhenotypeResult r = CACHE.computeIfAbsent(key, k ->
            Simulation.run(catalog, new Scenario(mechanisms, p.contextFixes(), therapies), SEED, SAMPLES, 2));
        List<Double> out = new ArrayList<>();
        for (String n : catalog.response().outputs()) {
            out.add(r.get(n).p());
        }
        return out;
    }

    /** Groups ids whose signatures are equal, keeping groups of two or more. */
    static List<List<String>> identical(Map<String, List<List<Double>>> signatures) {
        Map<List<List<Double>>, List<String>> groups = new LinkedHashMap<>();
        signatures.forEach((id, sig) -> groups.computeIfAbsent(sig, k -> new ArrayList<>()).add(id));
        return groups.values().stream().filter(g -> g.size() > 1).toList();
    }

    /** Every member of a group but one must name another member in same_as. */
    static List<String> unexplained(List<List<String>> groups, Map<String, SameAs> sameAs) {
        List<String> bad = new ArrayList<>();
        for (List<String> g : groups) {
            long explained = g.stream().filter(id -> sameAs.get(id) != null && g.contains(sameAs.get(id).id())).count();
            if (explained < g.size() - 1) {
                bad.add(String.join(" = ", g));
            }
        }
        return bad;
    }

    /** A therapy as an add-on to trastuzumab (or trastuzumab alone): checkpoint and Fc-related drugs act only with an antibody. */
    static List<String> addOn(String id) {
        return id.equals("trastuzumab") ? List.of(id) : List.of("trastuzumab", id);
    }

    /** The bundled profiles, the baseline with each mechanism, and the baseline with each context level. */
    static List<Profile.Resolved> variants(Profile.Resolved base) {
        List<Profile.Resolved> out = new ArrayList<>(profiles);
        for (String m : catalog.mechanisms().keySet()) {
            List<String> ms = new ArrayList<>(base.mechanisms());
            ms.add(m);
            out.add(new Profile.Resolved(base.profile(), ms, base.contextFixes(), List.of()));
        }
        catalog.context().forEach((key, levels) -> levels.forEach((level, fixes) ->
            out.add(new Profile.Resolved(new Profile(key + "_" + level, "", List.of(), List.of(), List.of()), base.mechanisms(), fixes, List.of()))));
        return out;
    }

    @Test
    void therapiesDifferOnSomeTumour() {
        Map<String, List<List<Double>>> sigs = new LinkedHashMap<>();
        Profile.Resolved base = profiles.stream().filter(p -> p.profile().name().equals("trastuzumab_sensitive")).findFirst().orElseThrow();
        for (Therapy t : catalog.therapies().values()) {
            sigs.put(t.id(), new ArrayList<>(List.of(signature(base.mechanisms(), List.of(), base, List.of(t.id())),
                signature(base.mechanisms(), List.of(), base, addOn(t.id())))));
        }
        List<List<String>> candidates = identical(sigs);
        Map<String, List<List<Double>>> full = new LinkedHashMap<>();
        for (List<String> g : candidates) {
            for (String id : g) {
                List<List<Double>> s = new ArrayList<>();
                for (Profile.Resolved p : variants(base)) {
                    s.add(signature(p.mechanisms(), List.of(), p, List.of(id)));
                    s.add(signature(p.mechanisms(), List.of(), p, addOn(id)));
                }
                full.put(id, s);
            }
        }
        Map<String, SameAs> sameAs = new HashMap<>();
        catalog.therapies().values().forEach(t -> sameAs.put(t.id(), t.sameAs()));
        assertThat(unexplained(identical(full), sameAs)).as("therapies identical on every tumour without same_as").isEmpty();
    }

    @Test
    void mechanismsDifferOnSomeTumour() {
        Profile.Resolved base = profiles.stream().filter(p -> p.profile().name().equals("trastuzumab_sensitive")).findFirst().orElseThrow();
        List<List<String>> first = List.of(List.of(), List.of("trastuzumab"), List.of("t_dm1"), List.of("t_dxd"), List.of("lapatinib"));
        List<List<String>> regimens = new ArrayList<>();
        regimens.add(List.of());
        catalog.therapies().keySet().forEach(t -> regimens.add(List.of(t)));
        // a few common regimens first; mechanisms identical there are simulated under every therapy on the baseline
        // and under those regimens on every other tumour
        Map<String, List<List<Double>>> sigs = new LinkedHashMap<>();
        for (Mechanism m : catalog.mechanisms().values()) {
            List<List<Double>> s = new ArrayList<>();
            for (List<String> r : first) {
                s.add(signature(List.of(m.id()), List.of(), base, r));
            }
            sigs.put(m.id(), s);
        }
        Map<String, List<List<Double>>> full = new LinkedHashMap<>();
        for (List<String> g : identical(sigs)) {
            for (String id : g) {
                List<List<Double>> s = new ArrayList<>();
                for (List<String> r : regimens) {
                    s.add(signature(List.of(id), List.of(), base, r));
                }
                for (Profile.Resolved p : variants(base)) {
                    List<String> ms = new ArrayList<>(p.mechanisms());
                    if (!ms.contains(id)) {
                        ms.add(id);
                    }
                    for (List<String> r : first) {
                        s.add(signature(ms, List.of(), p, r));
                    }
                }
                full.put(id, s);
            }
        }
        Map<String, SameAs> sameAs = new HashMap<>();
        catalog.mechanisms().values().forEach(m -> sameAs.put(m.id(), m.sameAs()));
        assertThat(unexplained(identical(full), sameAs)).as("mechanisms identical on every tumour without same_as").isEmpty();
    }
}
