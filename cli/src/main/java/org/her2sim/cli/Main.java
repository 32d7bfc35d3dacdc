// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.output.AtomicOutputs;

/** The {@code her2sim} command: one subcommand per task. */
public final class Main {
    /** Exit code for bad input: a malformed model, a bad option value, a missing file. */
    static final int BAD_INPUT = 2;
    /** Exit code for an unexpected failure. */
    static final int FAILURE = 1;
    static final String VERSION = "her2sim 0.1.0";

    private static final List<Command> COMMANDS = List.of(new MabossCommand(), new ConvertCommand(), PatternAnalysisCommand.stableStates(),
        PatternAnalysisCommand.trapSpaces(), new KnockoutsCommand(), new PredictCommand(), new TreatCommand(), new ExplainCommand(), new DemoCommand(),
        new ModelDocCommand(), new ProfileCommand(), new CohortSampleCommand(), new PkCommand(),
        new CohortRunCommand(), new ScreenCommand(), new ValidateCommand(), new CalibrateCommand(), new ServeCommand(), new InstallLaunchersCommand());

    private Main() {
    }

    /** Runs a command line and returns its exit code; {@code --debug} anywhere adds the trace of an internal error. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        args = Arrays.stream(args).filter(w -> !w.equals("--debug")).toArray(String[]::new);
        try {
            return dispatch(out, err, args);
        } catch (StackOverflowError e) {
            err.println("her2sim: error: the input is nested too deeply to process" + (debug ? "" : " (--debug shows where)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return BAD_INPUT;
        } catch (Throwable e) {
            err.println(Messages.clean("her2sim: internal error, please report: " + e) + (debug ? "" : " (--debug shows the trace)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return FAILURE;
        }
    }

    private static int dispatch(PrintStream out, PrintStream err, String... args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.print(help());
            return 0;
        }
        if (args[0].equals("-V") || args[0].equals("--version")) {
            out.println(VERSION);
            return 0;
        }
        List<String> words = Arrays.asList(args);
        if (words.get(0).equals("maboss-compat")) {
            return mabossCompat(out, err, words.subList(1, words.size()));
        }
        boolean helpOnly = false;
        if (words.get(0).equals("help")) {
            if (words.size() == 1) {
                out.print(help());
                return 0;
            }
            words = words.subList(1, words.size());
            helpOnly = true;
        }
        Command cmd = null;
        for (Command c : COMMANDS) {
            // a name may have two words, as in "analyze stable-states"
            String[] parts = c.name().split(" ");
            if (parts.length <= words.size() && words.subList(0, parts.length).equals(Arrays.asList(parts))) {
                cmd = c;
            }
        }
        String name = words.size() > 1 && words.get(0).equals("analyze") ? words.get(0) + " " + words.get(1) : words.get(0);
        List<String> rest = cmd == null ? List.of() : words.subList(cmd.name().split(" ").length, words.size());
        if (helpOnly) {
            rest = List.of("--help");
        }
        if (cmd == null) {
            err.println("her2sim: unknown command '" + name + "'");
            err.print(help());
            return BAD_INPUT;
        }
        try {
            Args a = Args.parse(cmd.spec(), rest);
            if (a.has("--help")) {
                out.print(cmd.spec().help());
                return 0;
            }
            checkOutputs(cmd, a);
            return cmd.run(a, out, err);
        } catch (Args.UsageException e) {
            err.println(Messages.clean("her2sim " + cmd.name() + ": " + e.getMessage()));
            err.println("Try 'her2sim " + cmd.name() + " --help'.");
            return BAD_INPUT;
        } catch (ModelException e) {
            err.println(Messages.clean("her2sim: error: " + e.getMessage()));
            return BAD_INPUT;
        } catch (IOException e) {
            err.println(Messages.clean("her2sim: error: " + Messages.of(e)));
            return BAD_INPUT;
        } catch (java.nio.file.InvalidPathException e) {
            err.println(Messages.clean("her2sim: error: not a valid file name: " + e.getMessage()));
            return BAD_INPUT;
        } catch (java.io.UncheckedIOException e) {
            err.println(Messages.clean("her2sim: error: " + Messages.of(e.getCause())));
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println("her2sim: error: out of memory: the job is too large for this heap"
                + " (pin inputs with --fix, or give Java more memory, e.g. HER2SIM_JAVA_OPTS=\"-Xmx16g\")");
            return FAILURE;
        }
    }

    /** {@code maboss-compat [--build 64|128|1024] ARGS...}: MaBoSS's own command line, as the launchers run it. */
    private static int mabossCompat(PrintStream out, PrintStream err, List<String> args) throws Exception {
        int build = 64;
        if (args.size() >= 2 && args.get(0).equals("--build")) {
            build = switch (args.get(1)) {
                case "64", "128", "1024" -> Integer.parseInt(args.get(1));
                default -> -1;
            };
            if (build < 0) {
                err.println("her2sim maboss-compat: --build takes 64, 128 or 1024, not " + Messages.clean(args.get(1)));
                return BAD_INPUT;
            }
            args = args.subList(2, args.size());
        }
        String prog = build == 64 ? "MaBoSS" : "MaBoSS_" + build + "n";
        try {
            return MabossCompat.run(build, args, out, err);
        } catch (ModelException e) {
            err.println(Messages.clean(prog + ": error: " + e.getMessage()));
        } catch (IOException e) {
            err.println(Messages.clean(prog + ": error: " + Messages.of(e)));
        } catch (java.io.UncheckedIOException e) {
            err.println(Messages.clean(prog + ": error: " + Messages.of(e.getCause())));
        } catch (IllegalArgumentException e) {
            err.println(Messages.clean(prog + ": error: " + e.getMessage()));
        }
        return BAD_INPUT;
    }

    /** Commands whose --output is a folder. */
    private static final List<String> FOLDER_OUTPUTS = List.of("cohort run", "screen", "profile", "demo");

    /** Refuses an output that cannot be written before any work is done. */
    private static void checkOutputs(Command cmd, Args a) {
        String o = a.value("--output");
        if (o != null && !o.equals("-")) {
            Path p = Path.of(o);
            AtomicOutputs.checkWritable(cmd.name().equals("maboss") ? Path.of(o + "_run.txt")
                : FOLDER_OUTPUTS.contains(cmd.name()) ? p.resolve("x") : p);
        }
        for (String option : List.of("--plot", "--html")) {
            if (a.has(option) && a.value(option) != null) {
                AtomicOutputs.checkWritable(Path.of(a.value(option)));
            }
        }
    }

    static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: her2sim COMMAND [OPTIONS]\n");
        sb.append("In-silico HER2-positive tumour model and a fast MaBoSS-compatible stochastic logical-model engine.\n\n");
        sb.append("Commands:\n");
        for (Command c : COMMANDS) {
            sb.append(String.format("  %-24s %s%n", c.name(), c.summary()));
        }
        sb.append(String.format("  %-24s %s%n", "maboss-compat", "MaBoSS 2.6.6's own command line (what the MaBoSS launchers run)"));
        sb.append(String.format("  %-24s %s%n", "help CMD", "show the options of a command"));
        sb.append("\nOptions: -h, --help  this text;  -V, --version  the version.\n");
        return sb.toString();
    }

    /** Entry point. */
    public static void main(String[] args) {
        int code = execute(System.out, System.err, args);
        System.out.flush();
        System.exit(code);
    }
}
