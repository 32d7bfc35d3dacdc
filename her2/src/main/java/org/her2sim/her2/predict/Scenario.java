// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.predict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.expr.Expression;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.Node;
import org.her2sim.engine.sim.CompiledModel;
import org.her2sim.engine.sim.Perturbation;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.catalog.Fix;
import org.her2sim.her2.catalog.Mechanism;
import org.her2sim.her2.catalog.Response;
import org.her2sim.her2.catalog.Therapy;
import org.her2sim.her2.profile.Profile;

/**
 * What to simulate: active mechanisms, context fixes and a regimen.
 *
 * <p>A mechanism with a {@code subpopulation} fraction {@code f} applies to that fraction of cells
 * only. The tumour is then simulated as clones: the main clone without any such mechanism, plus
 * one clone per such mechanism with it (and every whole-tumour mechanism); the clones' results are
 * mixed with weights {@code f_i} and {@code 1 - sum f_i} for the main clone. When the fractions sum
 * to more than 1 they are scaled to sum to 1 and there is no main clone.
 *
 * @param mechanisms mechanism ids
 * @param contextFixes node fixes from the profile's context
 * @param therapies therapy ids; their drug nodes are switched on at {@code treatment_start}
 */
public record Scenario(List<String> mechanisms, List<Fix> contextFixes, List<String> therapies) {
    public Scenario {
        mechanisms = List.copyOf(mechanisms);
        contextFixes = List.copyOf(contextFixes);
        therapies = List.copyOf(therapies);
    }

    /** A resolved profile under a regimen. */
    public static Scenario of(Profile.Resolved p, List<String> therapies) {
        return new Scenario(p.mechanisms(), p.contextFixes(), therapies);
    }

    /** The same without one mechanism. */
    public Scenario without(String mechanism) {
        List<String> ms = new ArrayList<>(mechanisms);
        ms.remove(mechanism);
        return new Scenario(ms, contextFixes, therapies);
    }

    /**
     * The same with only those of its mechanisms that are in {@code keep} (in this scenario's
     * order); the context and regimen are unchanged.
     */
    public Scenario only(Collection<String> keep) {
        return new Scenario(mechanisms.stream().filter(keep::contains).toList(), contextFixes, therapies);
    }

    /** The same under another regimen. */
    public Scenario under(List<String> regimen) {
        return new Scenario(mechanisms, contextFixes, regimen);
    }

    /** One clone: its fraction of the cells and the mechanisms active in it. */
    public record Clone(double weight, List<String> mechanisms) { }

    /** The clones to simulate, as described on the class. */
    public List<Clone> clones(Catalog catalog) {
        List<String> whole = new ArrayList<>();
        List<Mechanism> partial = new ArrayList<>();
        for (String id : mechanisms) {
            Mechanism m = catalog.mechanism(id);
            if (m.isSubpopulation()) {
                partial.add(m);
            } else {
                whole.add(id);
            }
        }
        if (partial.isEmpty()) {
            return List.of(new Clone(1, whole));
        }
        double sum = partial.stream().mapToDouble(Mechanism::subpopulation).sum();
        List<Clone> out = new ArrayList<>();
        if (sum < 1) {
            out.add(new Clone(1 - sum, whole));
        }
        for (Mechanism m : partial) {
            List<String> ms = new ArrayList<>(whole);
            ms.add(m.id());
            out.add(new Clone(sum > 1 ? m.subpopulation() / sum : m.subpopulation(), ms));
        }
        return out;
    }

    /**
     * The engine model of one clone: the catalog's network and configuration with the mechanisms'
     * and context's node fixes applied (knock-outs and knock-ins), each therapy's drug nodes
     * scheduled on at {@code treatment_start} with probability 1, {@code max_time},
     * {@code sample_count} and the seed set, and only phenotypes and readouts as output nodes.
     *
     * @throws ModelException when two fixes set a node to different values
     */
    public CompiledModel compile(Catalog catalog, List<String> cloneMechanisms, long seed, long samples) {
        Response r = catalog.response();
        SourceLocation resp = SourceLocation.of(Catalog.RESPONSE);
        RunConfig.Builder cb = catalog.config().toBuilder();
        cb.global("max_time", r.maxTime(), resp);
        cb.global("sample_count", samples, resp);
        cb.global("seed_pseudorandom", seed, SourceLocation.of("seed"));
        cb.global("statdist_traj_count", 0, resp);
        cb.global("display_traj", 0, resp);
        Map<String, Fix> fixes = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        for (String id : cloneMechanisms) {
            for (Fix f : catalog.mechanism(id).perturb()) {
                add(fixes, origin, f, "mechanism '" + id + "'");
            }
        }
        for (Fix f : contextFixes) {
            add(fixes, origin, f, "the context");
        }
        List<Perturbation> ps = fixes.values().stream().map(Fix::perturbation).toList();
        Network net = Perturbation.apply(catalog.network(), cb, ps, "scenario");
        // every drug node of the catalog gets a schedule entry, on (1) or off (0), in network order, so that
        // all scenarios draw the same random numbers up to the treatment: common random numbers
        Set<String> on = new HashSet<>();
        Set<String> drugs = new HashSet<>();
        for (Therapy t : catalog.therapies().values()) {
            drugs.addAll(t.drugs());
            if (therapies.contains(t.id())) {
                on.addAll(t.drugs());
            }
        }
        for (Node n : net.nodes()) {
            if (drugs.contains(n.name())) {
                cb.clearSchedule(n.name());
                cb.schedule(new RunConfig.ScheduleEntry(n.name(), r.treatmentStart(), Expression.constant(on.contains(n.name()) ? 1 : 0), resp));
            }
        }
        Set<String> outputs = new HashSet<>(r.outputs());
        for (Node n : net.nodes()) {
            cb.internal(n.name(), !outputs.contains(n.name()));
        }
        return CompiledModel.compile(net, cb.build());
    }

    private static void add(Map<String, Fix> fixes, Map<String, String> origin, Fix f, String from) {
        Fix old = fixes.get(f.node());
        if (old != null && old.value() != f.value()) {
            throw new ModelException(f.at(), from + " fixes " + f + " but " + origin.get(f.node()) + " fixes " + old + " (at " + old.at() + ")");
        }
        if (old == null) {
            fixes.put(f.node(), f);
            origin.put(f.node(), from);
        }
    }
}
