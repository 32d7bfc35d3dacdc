// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.NetworkBuilder.Redeclaration;
import org.her2sim.engine.output.PlotWriter;
import org.her2sim.engine.sim.Perturbation;

/**
 * One run of a MaBoSS model, as MaBoSS's command line describes it: the model (several for an
 * ensemble), configuration files and snippets in command-line order, {@code -v} values, and
 * what to write. {@link #validate()} says what is wrong before anything is read;
 * {@link MabossRunner} runs it. Both the {@code her2sim maboss} command and the {@code MaBoSS}
 * launchers map their options onto this record.
 *
 * @param models the network file; several with {@code ensemble}
 * @param configs {@code -c} files and {@code -e} snippets, in command-line order
 * @param variables {@code -v} items {@code VAR=NUM}, applied after every config
 * @param prefix output prefix; required by {@link MabossRunner#run}
 * @param output what to write and how
 * @param redeclaration what a node declared twice does ({@code --override}, {@code --augment})
 * @param threads thread count overriding {@code thread_count}, or null
 * @param seed seed overriding {@code seed_pseudorandom}, or null
 * @param perturbations knock-outs and knock-ins, applied to every model
 * @param ensemble ensemble settings, or null for one model
 * @param reader reads a network file (BND/bnet by default; the CLI adds SBML)
 */
public record MabossJob(List<Path> models, List<ConfigSource> configs, List<String> variables, String prefix, Output output,
                        Redeclaration redeclaration, Long threads, Long seed, List<Perturbation> perturbations,
                        Ensemble ensemble, NetworkReader reader) {

    /** A {@code -c} file or an {@code -e} snippet. */
    public record ConfigSource(boolean snippet, String text) {
        /** A configuration file. */
        public static ConfigSource file(String path) {
            return new ConfigSource(false, path);
        }

        /** A configuration snippet ({@code -e}). */
        public static ConfigSource expr(String text) {
            return new ConfigSource(true, text);
        }
    }

    /** The output format of the result files. */
    public enum Format { CSV, JSON }

    /**
     * What to write.
     *
     * @param format csv or json
     * @param finalOnly only {@code PREFIX_finalprob} ({@code --final}); ignored by ensembles, as by MaBoSS
     * @param hexFloat numbers as C's {@code %a} ({@code --hexfloat})
     * @param hashWidth list fixed points as MaBoSS's build for this many nodes would (64, 128, 1024), 0: the smallest that fits
     * @param everyFile also write the files MaBoSS writes even when empty ({@code _statdist_cluster}, ...)
     * @param plot a PNG or SVG of node probabilities, or null
     * @param plotNodes the nodes to plot (empty: the most active)
     * @param commandLine the command line, for {@code _run.txt}
     */
    public record Output(Format format, boolean finalOnly, boolean hexFloat, int hashWidth, boolean everyFile, Path plot,
                         List<String> plotNodes, String commandLine) {
        public Output {
            Objects.requireNonNull(format);
            plotNodes = List.copyOf(plotNodes);
        }

        /** CSV, every result file her2sim writes by default, no plot. */
        public static Output csv() {
            return new Output(Format.CSV, false, false, 0, false, null, List.of(), null);
        }
    }

    /**
     * MaBoSS's {@code --ensemble} settings.
     *
     * @param saveIndividual also write each model's results ({@code PREFIX_model_K_...})
     * @param randomSampling draw each trajectory's model at random instead of splitting evenly
     * @param ownConfigs model K takes its node settings from the K-th {@code -c}/{@code -e} ({@code --ensemble-istates})
     */
    public record Ensemble(boolean saveIndividual, boolean randomSampling, boolean ownConfigs) { }

    /** Reads a network file. */
    @FunctionalInterface
    public interface NetworkReader {
        /** The network in {@code file}. */
        Network read(Path file, Redeclaration redeclaration) throws IOException;
    }

    public MabossJob {
        models = List.copyOf(models);
        configs = List.copyOf(configs);
        variables = List.copyOf(variables);
        perturbations = List.copyOf(perturbations);
        Objects.requireNonNull(output);
        Objects.requireNonNull(redeclaration);
        reader = reader == null ? BndParser::read : reader;
    }

    /** A job for one model with the given configs and output prefix, everything else at its default. */
    public static MabossJob of(Path model, List<ConfigSource> configs, String prefix) {
        return new MabossJob(List.of(model), configs, List.of(), prefix, Output.csv(), Redeclaration.ERROR, null, null,
            List.of(), null, null);
    }

    /**
     * Checks the job's shape.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public MabossJob validate() {
        if (models.isEmpty()) {
            throw new IllegalArgumentException(ensemble == null ? "the network file is missing" : "the ensemble's network files are missing");
        }
        if (ensemble == null && models.size() > 1) {
            throw new IllegalArgumentException("one network file expected, got " + models.size() + " (--ensemble runs several)");
        }
        if (ensemble != null && ensemble.ownConfigs() && configs.size() < models.size()) {
            throw new IllegalArgumentException("--ensemble-istates needs one -c or -e per model, in the models' order: "
                + models.size() + " models, " + configs.size() + " configurations");
        }
        int w = output.hashWidth();
        if (w != 0 && w != 64 && w != 128 && w != 1024) {
            throw new IllegalArgumentException("hash width " + w + ": expected 64, 128 or 1024");
        }
        if (output.plot() != null) {
            PlotWriter.checkExtension(output.plot());
            if (output.finalOnly() || ensemble != null) {
                throw new IllegalArgumentException("a plot needs probability trajectories: not with --final or --ensemble");
            }
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("thread count " + threads + ": expected at least 1");
        }
        for (String v : variables) {
            if (!v.contains("=")) {
                throw new IllegalArgumentException("-v " + v + ": expected VAR=NUM");
            }
        }
        return this;
    }

    /** True for an ensemble run. */
    public boolean isEnsemble() {
        return ensemble != null;
    }
}
