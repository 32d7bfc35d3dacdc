// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A training run for the launcher's class-data-sharing archive: runs a small MaBoSS model (every
 * output file, then --final and JSON), so that the classes these load can be archived with
 * {@code -XX:ArchiveClassesAtExit}. Not a user command; exits 0 when every run did. (An archive that
 * also held a prediction's classes made synth_1000n's JIT compile more and cost 1 s more CPU.)
 */
public final class CdsTraining {
    static final String BND = """
        node A { logic = !C; rate_up = @logic ? $k : 0; rate_down = @logic ? 0 : 1; }
        node B { logic = A | (C & !A); rate_up = @logic ? 2 : 0; rate_down = @logic ? 0 : 1; }
        node C { logic = B ^ A; rate_up = @logic ? 1 : 0; rate_down = @logic ? 0 : 0.5; }
        D : A & B;
        """;
    static final String CFG = """
        $k = 1.5;
        [A, B].istate = 0.5 [0, 0], 0.5 [1, 1];
        C.istate = 0;
        D.is_internal = 1;
        time_tick = 0.5; max_time = 10; sample_count = 2000; statdist_traj_count = 100;
        seed_pseudorandom = 1; thread_count = 1;
        """;

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run() == 0 ? 0 : 1);
    }

    /** Runs every training command; returns how many failed. */
    static int run() throws IOException {
        Path dir = Files.createTempDirectory("her2sim-cds");
        int failures = 0;
        try {
            Path bnd = Files.writeString(dir.resolve("m.bnd"), BND);
            Path cfg = Files.writeString(dir.resolve("m.cfg"), CFG);
            String out = dir.resolve("r").toString();
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
            String[][] runs = {
                {"maboss", "-c", cfg.toString(), "-o", out, bnd.toString()},
                {"maboss", "-q", "--final", "-c", cfg.toString(), "-o", out, bnd.toString()},
                {"maboss", "-q", "--format", "json", "-c", cfg.toString(), "-o", out, bnd.toString()},
                {"--help"},
            };
            for (String[] run : runs) {
                failures += Main.execute(sink, sink, run) == 0 ? 0 : 1;
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return failures;
    }
}
