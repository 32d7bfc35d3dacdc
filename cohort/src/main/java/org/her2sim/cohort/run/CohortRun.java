// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.her2sim.cohort.exec.CohortExecutor;
import org.her2sim.cohort.exec.Work;
import org.her2sim.cohort.exec.WorkItem;
import org.her2sim.cohort.virtual.Cohort;
import org.her2sim.cohort.virtual.CohortFile;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.cohort.virtual.Version;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.report.JsonText;
import org.her2sim.her2.tumour.TumourParams;

/**
 * {@code her2sim cohort run}: reads a cohort, reduces it to distinct profiles, runs each one once
 * on an executor (or reads it back from {@code DIR/.work/}), and writes the tables atomically.
 * Nothing is written before every input has been checked.
 */
public final class CohortRun {
    /** What each profile is run for. */
    public enum Mode {
        /** Cell-model response to therapies. */
        THERAPY,
        /** Tumour dynamics under a regimen. */
        REGIMEN
    }

    /**
     * A run.
     *
     * @param cohort the cohort file
     * @param regimen therapy ids (already checked against the catalog)
     * @param samples trajectories per cell-model simulation of {@link Mode#THERAPY}; 0 for the model's default
     *     ({@link Mode#REGIMEN} uses {@code tumour.yaml}'s)
     * @param months follow-up of {@link Mode#REGIMEN} runs
     * @param rescues search add-ons for non-responders ({@link Mode#THERAPY})
     * @param output the output directory (with the work folder for resuming), or null to write nothing
     * @param engineThreads engine threads per simulation
     * @param commandLine recorded in the outputs
     */
    public record Request(Path cohort, Mode mode, List<String> regimen, long seed, long samples, double months, boolean rescues,
                          Path output, int engineThreads, String commandLine) {
        public Request {
            regimen = List.copyOf(regimen);
        }
    }

    /**
     * What a run did.
     *
     * @param computed distinct profiles computed now
     * @param reused distinct profiles read back from the work folder
     * @param simulations cell-model simulations run by this JVM's work object ({@link Mode#THERAPY}; -1 for
     *     {@link Mode#REGIMEN}, 0 when an executor ran the work elsewhere)
     * @param files the files written
     * @param summary the content of summary.json
     * @param text a short summary for the terminal
     */
    public record Outcome(int patients, int distinct, int computed, int reused, long simulations, List<Path> files, Map<String, Object> summary,
                          String text) { }

    /** Told when the work starts and as each distinct profile finishes. */
    public interface Listener {
        /** {@code total} profiles to compute now. */
        void start(int total);

        /** One more finished. */
        void done();
    }

    private CohortRun() {
    }

    /**
     * Runs it.
     *
     * @throws org.her2sim.engine.model.ModelException for bad input (cohort file, profiles, a directory
     *     holding another run), before anything is written
     */
    public static Outcome run(ModelRef model, Request req, CohortExecutor executor, Listener listener) throws IOException {
        Catalog catalog = model.catalog();
        CohortPatients patients = patients(req.cohort(), catalog);
        long samples = req.mode() == Mode.REGIMEN ? TumourParams.load(catalog).samples()
            : req.samples() > 0 ? req.samples() : catalog.response().sampleCount();
        Map<String, String> inputs = inputs(model, req, patients, samples);
        Path dir = req.output();
        if (dir != null) {
            WorkStore.check(dir, inputs);
        }
        Map<String, String> meta = new LinkedHashMap<>(inputs);
        meta.put("command", req.commandLine());
        WorkStore store = dir == null ? null : WorkStore.open(dir, inputs);
        int[] counts = new int[2];
        Map<String, AtomicOutputs.Content> texts = new LinkedHashMap<>();
        Map<String, Object> summary;
        String text;
        long simulations = -1;
        if (req.mode() == Mode.THERAPY) {
            List<WorkItem<ProfileKey>> items = new ArrayList<>();
            for (ProfileKey k : patients.keys()) {
                items.add(new WorkItem<>(k.text(), k));
            }
            ResponseWork work = new ResponseWork(model, req.regimen(), req.seed(), samples, req.engineThreads(), req.rescues());
            ResponseReport r = new ResponseReport(patients, resume(items, work, store, ProfileResponse::toText, ProfileResponse::parse, executor,
                listener, counts), meta, req.rescues());
            simulations = work.simulations();
            summary = r.summary();
            text = r.text();
            texts.put("patients.csv", r::patientsCsv);
            texts.put("profiles.csv", w -> w.write(r.profilesCsv()));
            texts.put("subgroups.csv", w -> w.write(r.subgroupsCsv()));
        } else {
            double days = req.months() * 365.25 / 12;
            List<WorkItem<TumourInput>> items = new ArrayList<>();
            List<List<String>> ids = patients.idsByKey();
            for (int k = 0; k < patients.keys().size(); k++) {
                ProfileKey key = patients.keys().get(k);
                items.add(new WorkItem<>(key.text(), new TumourInput(key, ids.get(k))));
            }
            TumourWork work = new TumourWork(model, req.regimen(), req.seed(), days, req.engineThreads());
            TumourReport r = new TumourReport(patients, resume(items, work, store, TumourOutcome::toText, TumourOutcome::parse, executor,
                listener, counts), days, meta);
            summary = r.summary();
            text = r.text();
            texts.put("patients.csv", r::patientsCsv);
            texts.put("subgroups.csv", w -> w.write(r.subgroupsCsv()));
            texts.put("km.csv", w -> w.write(r.kmCsv()));
        }
        String json = JsonText.write(summary);
        texts.put("summary.json", w -> w.write(json));
        List<Path> files = dir == null ? List.of() : write(dir, texts);
        return new Outcome(patients.size(), patients.keys().size(), counts[0], counts[1], simulations, files, summary, text);
    }

    /** The cohort as patients and distinct profiles; the parsed cohort itself is garbage once this returns. */
    static CohortPatients patients(Path file, Catalog catalog) throws IOException {
        Cohort cohort = CohortFile.read(file);
        return CohortPatients.of(cohort, PrevalenceModel.load(), catalog, file.getFileName().toString());
    }

    /** What identifies a run: a restarted run with the same inputs resumes, one with other inputs is refused. */
    private static Map<String, String> inputs(ModelRef model, Request req, CohortPatients patients, long samples) throws IOException {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("version", Version.text());
        inputs.put("model", model.describe());
        inputs.put("model_sha256", model.sha256());
        inputs.put("cohort", req.cohort().getFileName().toString());
        inputs.put("cohort_sha256", sha256(req.cohort()));
        inputs.put("patients", String.valueOf(patients.size()));
        inputs.put("mode", req.mode() == Mode.THERAPY ? "therapy (cell-model response)" : "regimen (tumour dynamics, continuous exposure)");
        inputs.put("regimen", String.join("+", req.regimen()));
        inputs.put("seed", String.valueOf(req.seed()));
        inputs.put("samples", String.valueOf(samples));
        if (req.mode() == Mode.REGIMEN) {
            inputs.put("months", String.valueOf(req.months()));
        } else {
            inputs.put("rescues", String.valueOf(req.rescues()));
        }
        return inputs;
    }

    /** Writes every file all or nothing. */
    private static List<Path> write(Path dir, Map<String, AtomicOutputs.Content> texts) throws IOException {
        List<Path> files = new ArrayList<>();
        try (AtomicOutputs outs = new AtomicOutputs()) {
            for (Map.Entry<String, AtomicOutputs.Content> e : texts.entrySet()) {
                Path p = dir.resolve(e.getKey());
                outs.write(p, e.getValue());
                files.add(p);
            }
            outs.commit();
        }
        return files;
    }

    /** Reads finished items back from the store, runs the others and stores each as it finishes; results in item order. */
    static <I extends Serializable, R extends Serializable> List<R> resume(List<WorkItem<I>> items, Work<I, R> work, WorkStore store,
                                                                          Function<R, String> encode, Function<String, R> decode,
                                                                          CohortExecutor executor, Listener listener, int[] counts)
        throws IOException {
        List<R> results = new ArrayList<>();
        List<WorkItem<I>> todo = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            R r = null;
            String text = store == null ? null : store.load(items.get(i).key());
            if (text != null) {
                try {
                    r = decode.apply(text);
                } catch (RuntimeException e) {
                    r = null; // unreadable: computed again
                }
            }
            results.add(r);
            if (r == null) {
                todo.add(items.get(i));
                where.add(i);
            }
        }
        counts[0] = todo.size();
        counts[1] = items.size() - todo.size();
        listener.start(todo.size());
        List<R> computed;
        try {
            computed = executor.run(todo, work, (index, item, result) -> {
                if (store != null) {
                    try {
                        store.save(item.key(), encode.apply(result));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                listener.done();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int j = 0; j < todo.size(); j++) {
            results.set(where.get(j), computed.get(j));
        }
        return results;
    }

    /** The SHA-256 of a file's bytes, in hex. */
    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
