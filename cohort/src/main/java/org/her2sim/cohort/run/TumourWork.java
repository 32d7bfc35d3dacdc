// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.her2sim.cohort.exec.Work;
import org.her2sim.cohort.exec.WorkItem;
import org.her2sim.engine.sim.SeedTree;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.tumour.CloneRates;
import org.her2sim.her2.tumour.Exposure;
import org.her2sim.her2.tumour.TreatResult;
import org.her2sim.her2.tumour.TumourParams;
import org.her2sim.her2.tumour.TumourSimulation;

/**
 * The work of {@code cohort run --regimen}: the tumours of one distinct profile's patients, each a
 * {@link TumourSimulation} with its own seed, derived from (run seed, patient id) and nothing else.
 * Cell-model rates come from one {@link CloneRates} per context in this JVM, shared by every
 * profile (its cell-model runs all use the run seed, so the rates do not depend on which profile
 * asked first). {@code CloneRates} is not thread-safe: its use is serialised on it.
 */
public final class TumourWork implements Work<TumourInput, TumourOutcome> {
    private static final long serialVersionUID = 1L;
    /** Branch of the seed tree for patients' tumours. */
    static final long BRANCH = 0x74756D6F75724C00L;

    private final ModelRef model;
    private final List<String> regimen;
    private final long seed;
    private final double days;
    private final int engineThreads;
    private transient TumourParams params;
    private transient Map<String, CloneRates> rates;
    private transient AtomicLong calls;

    /**
     * @param regimen therapy ids, each given continuously from day 0
     * @param days how long each tumour is followed
     * @param engineThreads engine threads of the cell-model runs
     */
    public TumourWork(ModelRef model, List<String> regimen, long seed, double days, int engineThreads) {
        this.model = model;
        this.regimen = List.copyOf(regimen);
        this.seed = seed;
        this.days = days;
        this.engineThreads = engineThreads;
    }

    /** The tumour seed of a patient: a hash of (run seed, patient id). */
    public static long patientSeed(long seed, String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return SeedTree.child(SeedTree.child(seed, BRANCH), h);
    }

    @Override
    public TumourOutcome apply(WorkItem<TumourInput> item) throws IOException {
        ProfileKey key = item.input().key();
        CloneRates cr = rates(key);
        Catalog catalog = model.catalog();
        List<TumourOutcome.Patient> out = new ArrayList<>();
        for (String id : item.input().patients()) {
            TreatResult r;
            synchronized (cr) {
                r = TumourSimulation.run(catalog, params, cr, id, key.mechanisms(), key.contextFixes(), regimen,
                    Exposure.continuous(Double.POSITIVE_INFINITY), days, patientSeed(seed, id));
            }
            out.add(new TumourOutcome.Patient(id, r.bestResponse().name(), r.progressionDay(), largest(r.atProgression())));
        }
        return new TumourOutcome(out);
    }

    private synchronized CloneRates rates(ProfileKey key) throws IOException {
        if (rates == null) {
            params = TumourParams.load(model.catalog());
            rates = new HashMap<>();
            calls = new AtomicLong();
        }
        calls.incrementAndGet();
        String context = String.join(",", key.context());
        CloneRates cr = rates.get(context);
        if (cr == null) {
            cr = new CloneRates(model.catalog(), params, key.contextFixes(), regimen, seed, engineThreads);
            rates.put(context, cr);
        }
        return cr;
    }

    /** Items computed in this JVM. */
    public synchronized long calls() {
        return calls == null ? 0 : calls.get();
    }

    private static String largest(Map<String, Double> shares) {
        String best = "";
        double max = -1;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            if (e.getValue() > max) {
                max = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }
}
