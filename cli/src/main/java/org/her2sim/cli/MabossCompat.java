// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.output.CfgDump;
import org.her2sim.engine.expr.ExpressionPrinter;
import org.her2sim.engine.model.LogicalForm;
import org.her2sim.engine.job.MabossJob;
import org.her2sim.engine.job.MabossJob.ConfigSource;
import org.her2sim.engine.job.MabossRunner;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.model.NetworkBuilder.Redeclaration;
import org.her2sim.engine.model.Node;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.formats.BooleanConversion;
import org.her2sim.formats.ModelDocument;
import org.her2sim.formats.sbml.SbmlQualFormat;

/**
 * MaBoSS 2.6.6's command line, word for word: what the {@code MaBoSS}, {@code MaBoSS_128n} and
 * {@code MaBoSS_1024n} launchers run ({@code her2sim maboss-compat --build N ARGS...}). Options
 * are read as MaBoSS reads them, one after another, and then mapped onto a {@link MabossJob}.
 */
final class MabossCompat {
    static final String VERSION = "2.6.6";
    private final int build;
    private final PrintStream out;
    private final PrintStream err;
    private final String prog;

    // what the command line said
    private String output;
    private final List<ConfigSource> configs = new ArrayList<>();
    private final List<String> vars = new ArrayList<>();
    private final List<String> models = new ArrayList<>();
    private boolean dump;
    private boolean template;
    private boolean logical;
    private boolean check;
    private boolean hexfloat;
    private boolean quiet;
    private boolean ensemble;
    private boolean saveIndividual;
    private boolean randomSampling;
    private boolean ensembleIstates;
    private boolean finalOnly;
    private boolean useSbmlNames;
    private String sbmlOut;
    private MabossJob.Format format = MabossJob.Format.CSV;
    private Redeclaration redeclaration = Redeclaration.ERROR;

    private MabossCompat(int build, PrintStream out, PrintStream err) {
        this.build = build;
        this.out = out;
        this.err = err;
        this.prog = build == 64 ? "MaBoSS" : "MaBoSS_" + build + "n";
    }

    /** Runs MaBoSS's command line {@code args} as the build for {@code build} nodes would. */
    static int run(int build, List<String> args, PrintStream out, PrintStream err) throws Exception {
        return new MabossCompat(build, out, err).run(args);
    }

    private int usage(String problem) {
        err.print("\n" + prog + ": " + problem + "\n");
        err.print(MabossCompatHelp.usage(prog));
        return Main.BAD_INPUT;
    }

    /** A warning, as MaBoSS prints it, unless {@code -q} came first. */
    private void warn(String text) {
        if (!quiet) {
            err.println(prog + ": warning: " + text);
        }
    }

    private int run(List<String> args) throws Exception {
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (!s.startsWith("-")) {
                if (ensemble || models.isEmpty()) {
                    models.add(s);
                } else {
                    warn("boolean network file is already set to " + models.get(0) + "; ignoring " + s);
                }
                continue;
            }
            boolean needsValue = List.of("-v", "--config-vars", "-e", "--config-expr", "-c", "--config", "-o", "--output",
                "-x", "--export-sbml", "--format", "--verbose", "-s", "--sedml", "--load-user-functions").contains(s);
            if (needsValue && i == args.size() - 1) {
                return usage("missing value after option " + s);
            }
            switch (s) {
                case "-V", "--version", "-version" -> {
                    out.println("MaBoSS version " + VERSION + " [networks up to " + build + " nodes] (her2sim engine, " + Main.VERSION + ")");
                    return 0;
                }
                case "-h", "--help" -> {
                    out.print(MabossCompatHelp.help(prog));
                    return 0;
                }
                case "-v", "--config-vars" -> vars.addAll(List.of(args.get(++i).split(",")));
                case "-e", "--config-expr" -> configs.add(ConfigSource.expr(args.get(++i)));
                case "-c", "--config" -> configs.add(ConfigSource.file(args.get(++i)));
                case "-o", "--output" -> output = args.get(++i);
                case "-d", "--dump-config" -> dump = true;
                case "-t", "--generate-config-template" -> template = true;
                case "-l", "--generate-logical-expressions" -> logical = true;
                case "--dont-shrink-logical-expressions" -> { }
                case "--ensemble" -> ensemble = true;
                case "--final" -> finalOnly = true;
                case "--save-individual" -> saveIndividual = ensembleOnly(s) || saveIndividual;
                case "--random-sampling" -> randomSampling = ensembleOnly(s) || randomSampling;
                case "--ensemble-istates" -> ensembleIstates = ensembleOnly(s) || ensembleIstates;
                case "--format" -> {
                    String f = args.get(++i).toLowerCase(Locale.ROOT);
                    if (!f.equals("csv") && !f.equals("json")) {
                        return usage("unknown format " + args.get(i) + (f.equals("hdf5") ? " (HDF5 output is not supported)" : ""));
                    }
                    format = f.equals("json") ? MabossJob.Format.JSON : MabossJob.Format.CSV;
                }
                case "-x", "--export-sbml" -> sbmlOut = args.get(++i);
                case "--use-sbml-names" -> useSbmlNames = true;
                case "--verbose" -> {
                    if (!Character.isDigit(args.get(++i).isEmpty() ? 'x' : args.get(i).charAt(0))) {
                        return usage("unknown level for verbose " + args.get(i));
                    }
                }
                case "--override", "--augment" -> {
                    Redeclaration r = s.equals("--override") ? Redeclaration.OVERRIDE : Redeclaration.AUGMENT;
                    if (redeclaration != Redeclaration.ERROR && redeclaration != r) {
                        return usage("--override and --augment are exclusive options");
                    }
                    redeclaration = r;
                }
                case "--check" -> check = true;
                case "-q", "--quiet" -> quiet = true;
                case "--hexfloat" -> hexfloat = true;
                case "-s", "--sedml" -> {
                    return usage("SED-ML files are not supported (MaBoSS reads them only when built with SEDML_COMPAT)");
                }
                case "--load-user-functions" -> {
                    return usage("--load-user-functions loads C++ plugins; her2sim cannot (use the built-in functions)");
                }
                case "--single", "-g", "--generate-bnd-file" -> {
                    return usage(s + " is not supported by the her2sim engine");
                }
                default -> {
                    return usage("unknown option " + s);
                }
            }
        }
        return dispatch();
    }

    private boolean ensembleOnly(String option) {
        if (!ensemble) {
            warn(option + " only usable if --ensemble is used (before it); ignored");
        }
        return ensemble;
    }

    private int dispatch() throws Exception {
        if (models.isEmpty()) {
            return usage(ensemble ? "ensemble networks are missing" : "boolean network file is missing");
        }
        if (!dump && !template && !logical && !check && sbmlOut == null && output == null) {
            return usage("ouput option is not set");
        }
        String clash = dump && template ? "--dump-config and --generate-config-template"
            : dump && output != null ? "--dump-config and -o|--output"
            : template && output != null ? "--generate-config-template and -o|--output"
            : template && configs.stream().anyMatch(c -> !c.snippet()) ? "--generate-config-template and -c|--config"
            : template && !configs.isEmpty() ? "--generate-config-template and --config-expr"
            : template && !vars.isEmpty() ? "--generate-config-template and --config-vars"
            : check && output != null ? "--check and -o|--output" : null;
        if (clash != null) {
            return usage(clash + " are exclusive options");
        }
        MabossJob job = job();
        try {
            job.validate();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        String now = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT));
        if (template) {
            Network n = job.reader().read(job.models().get(0), redeclaration);
            out.print(CfgDump.write(n, org.her2sim.engine.cfg.RunConfig.defaultConfig(), true, "MaBoSS " + VERSION + " configuration template generated at " + now));
            return 0;
        }
        MabossRunner.Loaded loaded = MabossRunner.load(job);
        loaded.compile();
        if (check) {
            return 0;
        }
        if (logical) {
            for (Node node : loaded.network().nodes()) {
                out.println(node.name() + " : " + ExpressionPrinter.print(LogicalForm.of(node, loaded.config().variables())));
            }
            return 0;
        }
        if (sbmlOut != null) {
            ModelDocument doc = new ModelDocument(loaded.network(), java.util.Optional.of(loaded.config()));
            try (AtomicOutputs outs = new AtomicOutputs()) {
                new SbmlQualFormat().writer().orElseThrow().write(doc, Path.of(sbmlOut), outs);
                outs.commit();
            }
            return 0;
        }
        if (dump) {
            out.print(CfgDump.write(loaded.network(), loaded.config(), false, "MaBoSS " + VERSION + " configuration generated at " + now));
            return 0;
        }
        MabossRunner.Outcome o = MabossCommand.runTimed(job, true, err);
        return o.written().isEmpty() ? Main.FAILURE : 0;
    }

    private MabossJob job() {
        List<Path> paths = models.stream().map(Path::of).toList();
        MabossJob.Ensemble e = ensemble ? new MabossJob.Ensemble(saveIndividual, randomSampling, ensembleIstates) : null;
        MabossJob.Output o = new MabossJob.Output(format, finalOnly, hexfloat, build, true, null, List.of(),
            prog + " " + String.join(" ", models));
        return new MabossJob(paths, configs, vars, output, o, redeclaration, null, null, List.of(), e, this::read);
    }

    /** BND and bnet by the engine; {@code .sbml} and {@code .xml} by bioLQM, as MaBoSS's SBML build reads them. */
    private Network read(Path file, Redeclaration r) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sbml") || name.endsWith(".xml")) {
            return BooleanConversion.toNetwork(new SbmlQualFormat().load(file), file.toString(), useSbmlNames);
        }
        return BndParser.read(file, r);
    }
}
