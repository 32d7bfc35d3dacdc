// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.her2sim.engine.output.AtomicOutputs;

/** {@code her2sim install-maboss-launchers DIR}: writes {@code MaBoSS}, {@code MaBoSS_128n}, {@code MaBoSS_1024n} into DIR. */
final class InstallLaunchersCommand implements Command {
    /** The launcher names and the MaBoSS builds they stand for. */
    static final List<String> NAMES = List.of("MaBoSS", "MaBoSS_128n", "MaBoSS_1024n");

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim install-maboss-launchers DIR [--her2sim PATH]",
        "Write launcher scripts named as MaBoSS's programs (MaBoSS, MaBoSS_128n, MaBoSS_1024n) into DIR.",
        "Each takes MaBoSS 2.6.6's command line and runs it with her2sim (her2sim maboss-compat). Put DIR first",
        "on PATH, and scripts and pipelines that call MaBoSS run her2sim. See docs/maboss-users.md.")
        .positional("DIR", "folder for the scripts (created if missing)")
        .option("--her2sim", "PATH", "the her2sim launcher the scripts call (default: the her2sim script of this checkout)");

    @Override
    public String name() {
        return "install-maboss-launchers";
    }

    @Override
    public String summary() {
        return "write MaBoSS, MaBoSS_128n, MaBoSS_1024n scripts that run her2sim with MaBoSS's command line";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws IOException {
        if (a.positionals().size() != 1) {
            throw new Args.UsageException("one DIR expected");
        }
        Path dir = Path.of(a.positionals().get(0));
        Path her2sim = a.value("--her2sim") != null ? Path.of(a.value("--her2sim")) : defaultLauncher();
        if (her2sim == null || !Files.isRegularFile(her2sim)) {
            throw new Args.UsageException("cannot find the her2sim launcher" + (her2sim == null ? "" : " at " + her2sim) + "; give --her2sim PATH");
        }
        Path target = her2sim.toAbsolutePath().normalize();
        for (String n : NAMES) {
            // all three checked before any is written: nothing half-installed
            AtomicOutputs.checkWritable(dir.resolve(n));
        }
        try (AtomicOutputs outs = new AtomicOutputs()) {
            for (String n : NAMES) {
                outs.writeExecutable(dir.resolve(n), w -> w.append(script(n, target)));
            }
            outs.commit();
        }
        for (String n : NAMES) {
            out.println("wrote " + dir.resolve(n));
        }
        return 0;
    }

    /** The script for launcher {@code name}, calling {@code her2sim}. */
    static String script(String name, Path her2sim) {
        String build = name.equals("MaBoSS") ? "64" : name.replaceAll("\\D", "");
        return "#!/bin/sh\n"
            + "# " + name + ": MaBoSS 2.6.6's command line, run by her2sim (written by her2sim install-maboss-launchers)\n"
            + "exec '" + her2sim.toString().replace("'", "'\\''") + "' maboss-compat --build " + build + " \"$@\"\n";
    }

    /** The her2sim script of the checkout the running jar was built in (cli/target/her2sim.jar), or null. */
    private static Path defaultLauncher() {
        try {
            Path jar = Path.of(InstallLaunchersCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null || jar.getParent().getParent() == null ? null : jar.getParent().getParent().getParent();
            return root == null ? null : root.resolve("her2sim");
        } catch (Exception e) {
            return null;
        }
    }
}
