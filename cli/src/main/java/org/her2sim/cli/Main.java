// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import org.her2sim.engine.model.ModelException;

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
        new CohortRunCommand(), new ScreenCommand(), new ValidateCommand(), new CalibrateCommand(), new ServeCommand());

    private Main() {
    }

    /** Runs a command line and returns its exit code. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.print(help());
            return 0;
        }
        if (args[0].equals("-V") || args[0].equals("--version")) {
            out.println(VERSION);
            return 0;
        }
        List<String> words = Arrays.asList(args);
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
            return cmd.run(a, out, err);
        } catch (Args.UsageException e) {
            err.println("her2sim " + cmd.name() + ": " + e.getMessage());
            err.println("Try 'her2sim " + cmd.name() + " --help'.");
            return BAD_INPUT;
        } catch (ModelException e) {
            err.println("her2sim: error: " + e.getMessage());
            return BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("her2sim: error: " + e.getFile() + ": no such file");
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("her2sim: error: " + e);
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println("her2sim: error: out of memory: the job is too large for this heap"
                + " (pin inputs with --fix, or give Java more memory, e.g. HER2SIM_JAVA_OPTS=\"-Xmx16g\")");
            return FAILURE;
        } catch (Exception e) {
            err.println("her2sim: internal error: " + e);
            e.printStackTrace(err);
            return FAILURE;
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
