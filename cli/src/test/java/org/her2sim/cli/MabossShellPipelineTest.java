// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MaBoSS user's shell pipeline pointed at this checkout's {@code bin/MaBoSS} launchers: the
 * script runs {@code MaBoSS -c model.cfg ... -o out/res model.bnd} from PATH on a case of
 * {@code ../shared/conformance/maboss}, then lists {@code out/}. The files must have the names
 * and header layouts of MaBoSS 2.6.6's own outputs in the case's {@code reference/}.
 * The launchers are this repository's {@code bin/} scripts, copied beside a {@code her2sim}
 * that runs the test class path (the real one would build the jar).
 */
class MabossShellPipelineTest {
    @TempDir
    Path dir;

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("bin/MaBoSS"))) {
            p = p.getParent();
        }
        assertThat(p).as("bin/MaBoSS above " + Path.of("").toAbsolutePath()).isNotNull();
        return p;
    }

    private static Path conformanceCase(String name) {
        Path c = Path.of(System.getProperty("her2sim.shared", "../../shared")).toAbsolutePath().normalize()
            .resolve("conformance/maboss").resolve(name);
        if (!Files.isDirectory(c.resolve("reference"))) {
            System.err.println("SKIPPED: MabossShellPipelineTest: " + c + " is absent");
        }
        assumeTrue(Files.isDirectory(c.resolve("reference")), c + " is absent");
        return c;
    }

    /** A checkout-like folder: bin/ with the repository's launchers, and a her2sim running the test class path. */
    private Path checkout() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("checkout/bin"));
        for (String n : InstallLaunchersCommand.NAMES) {
            Files.copy(repoRoot().resolve("bin").resolve(n), bin.resolve(n), StandardCopyOption.COPY_ATTRIBUTES);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path her2sim = dir.resolve("checkout/her2sim");
        Files.writeString(her2sim, "#!/bin/sh\nexec '" + java + "' -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
            + "' org.her2sim.cli.Main \"$@\"\n");
        assertThat(her2sim.toFile().setExecutable(true)).isTrue();
        return bin;
    }

    @ParameterizedTest
    @CsvSource({
        "p53_mdm2, MaBoSS, -c model.cfg -c run.cfg",
        "ewing, MaBoSS_128n, -c model.cfg -c model_extra1.cfg -c run.cfg",
    })
    void pipelineGetsMabossFileNamesAndLayouts(String name, String launcher, String configs) throws Exception {
        Path ref = conformanceCase(name).resolve("reference");
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
        Path bin = checkout();
        Path work = Files.createDirectories(dir.resolve("work"));
        try (Stream<Path> s = Files.list(ref.getParent())) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, work.resolve(f.getFileName()));
            }
        }
        Path script = Files.writeString(dir.resolve("pipeline.sh"), "#!/bin/sh\nset -e\ncd \"$1\"\nmkdir -p out\n"
            + launcher + " " + configs + " -o out/res model.bnd\nls out\n");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toString(), work.toString()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();

        Path res = work.resolve("out");
        List<String> listed = out.lines().filter(l -> l.startsWith("res_")).toList();
        TreeSet<String> want = new TreeSet<>();
        try (Stream<Path> s = Files.list(ref)) {
            s.forEach(f -> want.add(f.getFileName().toString().replaceFirst("\\.gz$", "")));
        }
        assertThat(listed).containsAll(want);
        // the only other files are those MaBoSS writes empty (the reference keeps only non-empty files)
        for (String extra : listed.stream().filter(n -> !want.contains(n)).toList()) {
            assertThat(extra).isIn("res_statdist_cluster.csv", "res_statdist_distrib.csv");
            assertThat(res.resolve(extra)).isEmptyFile();
        }
        for (String f : want) {
            List<String> mine = Files.readAllLines(res.resolve(f));
            List<String> theirs = read(ref.resolve(f));
            switch (f) {
                case "res_probtraj.csv" -> assertThat(probtrajLayout(mine)).as(f).isEqualTo(probtrajLayout(theirs))
                    .contains("state triples true", "rows of triples true");
                case "res_fp.csv" -> assertThat(fpLayout(mine)).as(f).isEqualTo(fpLayout(theirs)).contains("title true", "rows true");
                case "res_statdist.csv" -> assertThat(statdistLayout(mine)).as(f).isEqualTo(statdistLayout(theirs))
                    .contains("sections true", "headers true");
                case "res_run.txt" -> assertThat(runSettings(mine)).as(f).isEqualTo(runSettings(theirs));
                default -> assertThat(mine).as(f).isEqualTo(theirs);
            }
        }
    }

    private static List<String> read(Path plain) throws IOException {
        if (Files.exists(plain)) {
            return Files.readAllLines(plain);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(Path.of(plain + ".gz"))), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    /** Fixed columns of the header, the number of windows, and whether every row is those columns plus state triples. */
    static String probtrajLayout(List<String> lines) {
        String[] h = lines.get(0).split("\t");
        int first = List.of(h).indexOf("State");
        boolean triples = first > 0 && (h.length - first) % 3 == 0;
        for (int i = first; triples && i < h.length; i += 3) {
            triples = h[i].equals("State") && h[i + 1].equals("Proba") && h[i + 2].equals("ErrorProba");
        }
        long rows = lines.stream().skip(1).filter(l -> !l.isEmpty()).count();
        boolean rowsOk = lines.stream().skip(1).filter(l -> !l.isEmpty()).map(l -> l.replaceFirst("\t$", "").split("\t"))
            .allMatch(f -> f.length >= first && (f.length - first) % 3 == 0 && f[0].matches("\\d+\\.\\d{4}"));
        return "columns " + List.of(h).subList(0, Math.max(first, 0)) + ", state triples " + triples + ", windows " + rows
            + ", rows of triples " + rowsOk;
    }

    /** The title's form, the header, and whether every row has a value per header column. */
    static String fpLayout(List<String> lines) {
        boolean title = lines.get(0).matches("Fixed Points \\(\\d+\\)");
        String header = lines.size() > 1 ? lines.get(1) : "";
        int cols = header.split("\t").length;
        boolean rows = lines.stream().skip(2).allMatch(l -> l.matches("#\\d+\t.*") && l.split("\t").length == cols);
        return "title " + title + ", header " + header + ", rows " + rows;
    }

    private static final Map<String, String> KINDS = Map.of(
        "^Trajectory$", "T", "^Trajectory\\[cluster=#\\d+,size=\\d+\\]$", "C", "^Cluster$", "S", "^#\\d+$", "R", "^$", "B");

    /**
     * The sections of a statdist file as a word (T: trajectory header, R: row, B: blank, C:
     * cluster header, S: cluster-probability header), the number of trajectory rows, and
     * whether each header is followed by its State/Proba(/ErrorProba) groups.
     */
    static String statdistLayout(List<String> lines) {
        StringBuilder kinds = new StringBuilder();
        boolean headers = true;
        for (String l : lines) {
            String first = l.split("\t", 2)[0];
            String k = KINDS.entrySet().stream().filter(e -> Pattern.matches(e.getKey(), first)).map(Map.Entry::getValue)
                .findFirst().orElse("?");
            kinds.append(k);
            if (!k.equals("R") && !k.equals("B")) {
                // MaBoSS ends cluster headers with " ..." or "..."
                String groups = l.substring(first.length()).replaceFirst(" ?\\.\\.\\.$", "");
                headers &= groups.matches(k.equals("S") ? "(\tState\tProba\tErrorProba)+" : "(\tState\tProba)+");
            }
        }
        String word = kinds.toString();
        int trajectories = word.indexOf('B') - 1;
        return "sections " + word.matches("TR+B(CR+B)+SR+") + ", trajectories " + trajectories + ", headers " + headers;
    }

    /** The run settings a script reads from {@code _run.txt} (the rest of the report differs on purpose: docs/maboss-users.md). */
    static List<String> runSettings(List<String> lines) {
        List<String> keys = List.of("Time Tick:", "Max Time:", "Sample Count:", "StatDist Trajectory Count:", "Discrete Time:",
            "Seed Pseudo Random:", "Output nodes:");
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            out.add(lines.stream().filter(l -> l.startsWith(k)).map(String::strip).findFirst().orElse(k + " missing"));
        }
        return out;
    }
}
