// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.her2sim.engine.job.MabossJob.Format;
import org.her2sim.engine.job.MabossJob.Output;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.engine.output.JsonResultWriter;
import org.her2sim.engine.output.MabossCsvWriter;
import org.her2sim.engine.output.PlotWriter;
import org.her2sim.engine.output.RunReportWriter;
import org.her2sim.engine.sim.SimulationResult;
import org.her2sim.engine.stats.ProbTraj;
import org.her2sim.engine.stats.StatDist;

/**
 * Writes a run's files with MaBoSS's names and layouts, all or nothing: each goes to a temporary
 * file, moved into place when every one is complete.
 *
 * <p>One model: {@code _probtraj}, {@code _fp}, {@code _statdist}, {@code _observed_graph.csv},
 * {@code _observed_durations.csv}, {@code _run.txt} and, with {@code display_traj}, {@code _traj.txt};
 * or only {@code _finalprob} with {@code --final}. An ensemble: the same without {@code _run.txt},
 * and with {@code --save-individual} each model's under {@code PREFIX_model_K}. With
 * {@link Output#everyFile()} also the files MaBoSS leaves empty ({@code _statdist_cluster},
 * {@code _statdist_distrib}, {@code _statdist} without estimates, the observed graph without
 * {@code in_graph} nodes, an ensemble's {@code _fp.csv} beside {@code _fp.json}).
 */
final class MabossOutputs {
    private MabossOutputs() {
    }

    static List<String> write(MabossJob job, SimulationResult r, List<SimulationResult> models, Instant start, Instant end)
        throws IOException {
        Output o = job.output();
        String prefix = job.prefix();
        List<String> written = new ArrayList<>();
        try (AtomicOutputs outs = new AtomicOutputs()) {
            Files f = new Files(outs, written, o);
            if (o.finalOnly() && !job.isEnsemble()) {
                f.text(prefix + "_finalprob" + f.ext, w -> {
                    if (f.json) {
                        JsonResultWriter.finalProb(w, r);
                    } else {
                        MabossCsvWriter.finalProb(w, r, o.hexFloat());
                    }
                });
            } else {
                f.results(prefix, r);
                if (job.isEnsemble()) {
                    if (f.json && o.everyFile()) {
                        f.text(prefix + "_fp.csv", w -> { });
                    }
                    if (job.ensemble().saveIndividual()) {
                        for (int k = 0; k < models.size(); k++) {
                            f.results(prefix + "_model_" + k, models.get(k));
                        }
                    }
                } else {
                    f.text(prefix + "_run.txt", w -> RunReportWriter.write(w, r, start, end, o.commandLine()));
                    if (r.trajectories() != null) {
                        f.text(prefix + "_traj.txt", w -> {
                            for (String t : r.trajectories()) {
                                w.append(t);
                            }
                        });
                    }
                    if (o.plot() != null) {
                        plot(outs, written, o, r, job.models().get(0));
                    }
                }
            }
            outs.commit();
        }
        return written;
    }

    private static void plot(AtomicOutputs outs, List<String> written, Output o, SimulationResult r, Path model) throws IOException {
        ProbTraj pt = r.probTraj();
        String title = model.getFileName() + ": node probabilities";
        if (PlotWriter.isSvg(o.plot())) {
            outs.write(o.plot(), w -> PlotWriter.svg(w, pt, o.plotNodes(), title));
        } else {
            outs.writeBinary(o.plot(), os -> PlotWriter.png(os, pt, o.plotNodes(), title));
        }
        written.add(o.plot().toString());
    }

    /** The files of one result set, in MaBoSS's formats. */
    private static final class Files {
        final AtomicOutputs outs;
        final List<String> written;
        final Output o;
        final boolean json;
        final String ext;

        Files(AtomicOutputs outs, List<String> written, Output o) {
            this.outs = outs;
            this.written = written;
            this.o = o;
            this.json = o.format() == Format.JSON;
            this.ext = json ? ".json" : ".csv";
        }

        void text(String name, AtomicOutputs.Content content) throws IOException {
            outs.write(Path.of(name), content);
            written.add(name);
        }

        void results(String prefix, SimulationResult r) throws IOException {
            ProbTraj pt = r.probTraj();
            String p = prefix + "_probtraj" + ext;
            if (json) {
                outs.write(Path.of(p), w -> JsonResultWriter.probTraj(w, pt));
            } else {
                outs.writeBinary(Path.of(p), os -> MabossCsvWriter.probTraj(os, pt, o.hexFloat()));
            }
            written.add(p);
            int width = o.hashWidth() == 0 ? SimulationResult.hashWidth(r.model().size())
                : Math.max(o.hashWidth(), SimulationResult.hashWidth(r.model().size()));
            text(prefix + "_fp" + ext, w -> {
                if (json) {
                    JsonResultWriter.fixedPoints(w, r);
                } else {
                    MabossCsvWriter.fixedPoints(w, r, width, o.hexFloat());
                }
            });
            StatDist sd = r.statDist();
            if (sd != null || o.everyFile()) {
                text(prefix + "_statdist" + ext, w -> {
                    if (sd == null) {
                        return;
                    }
                    if (json) {
                        JsonResultWriter.statDist(w, sd);
                    } else {
                        MabossCsvWriter.statDist(w, sd, o.hexFloat());
                    }
                });
            }
            if (o.everyFile()) {
                text(prefix + "_statdist_cluster" + ext, w -> { });
                text(prefix + "_statdist_distrib" + ext, w -> { });
            }
            if (r.observedGraph() != null || o.everyFile()) {
                text(prefix + "_observed_graph.csv", w -> MabossCsvWriter.observedGraph(w, r, false));
                text(prefix + "_observed_durations.csv", w -> MabossCsvWriter.observedGraph(w, r, true));
            }
        }
    }
}
