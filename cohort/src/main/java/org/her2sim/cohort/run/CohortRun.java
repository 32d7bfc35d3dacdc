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
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.run.report.ResponseReport;
import org.her2sim.cohort.run.report.RunSummary;
import org.her2sim.cohort.run.report.TumourReport;
import org.her2sim.cohort.run.request.CohortPatients;
import org.her2sim.cohort.run.request.ModelRef;
import org.her2sim.cohort.run.request.PatientPk;
import org.her2sim.cohort.run.request.ProfileKey;
import org.her2sim.cohort.run.store.WorkStore;
import org.her2sim.cohort.run.work.ProfileResponse;
import org.her2sim.cohort.run.work.ResponseWork;
import org.her2sim.cohort.run.work.TumourInput;
import org.her2sim.cohort.run.work.TumourOutcome;
import org.her2sim.cohort.run.work.TumourWork;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.cohort.virtual.Version;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.pk.PkInputException;
import org.her2sim.her2.predict.Predictor;

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
     * @param regimen therapy ids (already checked against the catalog), those of {@code dosing} included
     * @param dosing dosing regimen ids of {@code pk/regimens.yaml} ({@link Mode#REGIMEN}): these therapies act through each
     *     patient's PK; the others continuously
     * @param samples trajectories per cell-model simulation of {@link Mode#THERAPY}; 0 for the model's default
     *     ({@link Mode#REGIMEN} uses {@code tumour.yaml}'s)
     * @param months follow-up of {@link Mode#REGIMEN} runs
     * @param rescues search add-ons for non-responders ({@link Mode#THERAPY})
     * @param output the output directory (with the work folder for resuming), or null to write nothing
     * @param engineThreads engine threads per simulation
     * @param commandLine recorded in the outputs
     */
    public record Request(Path cohort, Mode mode, List<String> regimen, List<String> dosing, long seed, long samples, double months,
                          boolean rescues, Path output, int engineThreads, String commandLine) {
        public Request {
            regimen = List.copyOf(regimen);
            dosing = List.copyOf(dosing);
        }

        /** Without dosing regimens: every therapy continuous. */
        public Request(Path cohort, Mode mode, List<String> regimen, long seed, long samples, double months, boolean rescues, Path output,
                       int engineThreads, String commandLine) {
            this(cohort, mode, regimen, List.of(), seed, samples, months, rescues, output, engineThreads, commandLine);
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
    public record Outcome(int patients, int distinct, int computed, int reused, long simulations, List<Path> files, RunSummary summary,
                          String text) { }

    /** Told when the work starts and as each distinct profile finishes. */
    public interface Listener {
        /** Ignores progress. */
        Listener NONE = new Listener() {
            @Override
            public void start(int total) {
            }

            @Override
            public void done() {
            }
        };

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
     * @throws org.her2sim.engine.error.ModelException for bad input (cohort file, profiles, a directory
     *     holding another run), before anything is written
     */
    public static Outcome run(ModelRef model, Request req, CohortExecutor executor, Listener listener) throws IOException {
        Catalog catalog = model.catalog();
        CohortPatients patients = CohortPatients.read(req.cohort(), model.prevalence(), catalog, !req.dosing().isEmpty());
        if (!req.dosing().isEmpty()) {
            checkPk(patients, req.cohort().getFileName().toString());
        }
        long samples = req.mode() == Mode.REGIMEN ? model.tumour().samples()
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
        RunSummary summary;
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
            int keys = patients.keys().size();
            List<List<String>> ids = new ArrayList<>();
            List<List<PatientPk>> pks = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                ids.add(new ArrayList<>());
                pks.add(new ArrayList<>());
            }
            for (int i = 0; i < patients.size(); i++) {
                ids.get(patients.keyIndex(i)).add(patients.id(i));
                if (!req.dosing().isEmpty()) {
                    pks.get(patients.keyIndex(i)).add(patients.pk(i));
                }
            }
            for (int k = 0; k < keys; k++) {
                ProfileKey key = patients.keys().get(k);
                items.add(new WorkItem<>(key.text(), new TumourInput(key, ids.get(k), pks.get(k))));
            }
            TumourWork work = new TumourWork(model, req.regimen(), req.dosing(), req.seed(), days, req.engineThreads());
            TumourReport r = new TumourReport(patients, resume(items, work, store, TumourOutcome::toText, TumourOutcome::parse, executor,
                listener, counts), days, meta,
                req.dosing().isEmpty() ? null : TumourWork.troughTherapy(model.pk(), req.dosing()), model.tumour().scanIntervalDays());
            summary = r.summary();
            text = r.text();
            texts.put("patients.csv", r::patientsCsv);
            texts.put("subgroups.csv", w -> w.write(r.subgroupsCsv()));
            texts.put("km.csv", w -> w.write(r.kmCsv()));
        }
        String json = JsonTree.text(summary);
        texts.put("summary.json", w -> w.write(json));
        List<Path> files = dir == null ? List.of() : write(dir, texts);
        return new Outcome(patients.size(), patients.keys().size(), counts[0], counts[1], simulations, files, summary, text);
    }

    /** Refuses a patient whose covariates the PK models cannot take, naming the patient and column. */
    private static void checkPk(CohortPatients patients, String source) {
        for (int i = 0; i < patients.size(); i++) {
            PatientPk p = patients.pk(i);
            try {
                TumourWork.patient(p);
            } catch (PkInputException e) {
                String column = switch (e.field()) {
                    case "weight" -> "weight_kg";
                    case "ecd" -> "serum_ecd_ng_ml";
                    default -> e.field();
                };
                throw new ModelException(SourceLocation.of(source + ", patient " + patients.id(i)), "field '" + column + "': " + e.problem());
            }
        }
    }

    /** The cohort as patients and distinct profiles, read a patient at a time, with PK covariates. */
    static CohortPatients patients(Path file, Catalog catalog) throws IOException {
        return CohortPatients.read(file, PrevalenceModel.load(), catalog, true);
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
        inputs.put("mode", req.mode() == Mode.THERAPY ? "therapy (cell-model response)"
            : req.dosing().isEmpty() ? "regimen (tumour dynamics, continuous exposure)"
            : "regimen (tumour dynamics, per-patient PK for dosed therapies)");
        inputs.put("regimen", String.join("+", req.regimen()));
        if (req.mode() == Mode.THERAPY) {
            // work files of a run that computed contributions otherwise (one mechanism removed at a time) are not resumed
            inputs.put("contributions", "Shapley shares, exact up to " + Predictor.MAX_EXACT + " mechanisms, else "
                + Predictor.PERMUTATIONS + " sampled orders");
        }
        if (!req.dosing().isEmpty()) {
            inputs.put("dosing", String.join("+", req.dosing()));
            inputs.put("pk_variability", patients.hasPkScores() ? "from the cohort's PK scores" : "none (the cohort file has no PK scores)");
        }
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
