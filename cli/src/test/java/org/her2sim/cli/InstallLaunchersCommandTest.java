// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.her2sim.cli.MabossCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code her2sim install-maboss-launchers DIR [--her2sim PATH]}: three executable scripts, or nothing. */
class InstallLaunchersCommandTest {
    @TempDir
    Path dir;

    /** A stand-in for the her2sim launcher that prints each argument it gets on its own line. */
    private Path echoHer2sim(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        assertThat(p.toFile().setExecutable(true)).isTrue();
        return p;
    }

    private static Run install(String... args) {
        List<String> all = new ArrayList<>(List.of("install-maboss-launchers"));
        all.addAll(List.of(args));
        return MabossCommandTest.run(all.toArray(String[]::new));
    }

    /** Runs {@code script args...} and returns its standard output lines. */
    private static List<String> exec(Path script, String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
        List<String> cmd = new ArrayList<>(List.of(script.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }

    private List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesThreeExecutableScriptsThatPassEveryArgumentOn() throws Exception {
        // a quote and a space in the her2sim path: the scripts must quote it
        Path her2sim = echoHer2sim("it's here/her2sim");
        Path bin = dir.resolve("new/bin");
        Run r = install(bin.toString(), "--her2sim", her2sim.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(listing(bin)).containsExactly("MaBoSS", "MaBoSS_1024n", "MaBoSS_128n");
        assertThat(r.out().lines()).hasSize(3).allMatch(l -> l.startsWith("wrote " + bin));
        for (String n : InstallLaunchersCommand.NAMES) {
            assertThat(Files.getPosixFilePermissions(bin.resolve(n)))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
            assertThat(Files.readString(bin.resolve(n))).startsWith("#!/bin/sh\n");
        }
        assertThat(exec(bin.resolve("MaBoSS"), "-c", "a b.cfg", "-o", "out/res", "m.bnd"))
            .containsExactly("maboss-compat", "--build", "64", "-c", "a b.cfg", "-o", "out/res", "m.bnd");
        assertThat(exec(bin.resolve("MaBoSS_128n"), "-e", "x = '1'; $y = \"2\"")).containsExactly("maboss-compat", "--build", "128",
            "-e", "x = '1'; $y = \"2\"");
        assertThat(exec(bin.resolve("MaBoSS_1024n"), "--version")).containsExactly("maboss-compat", "--build", "1024", "--version");
    }

    @Test
    void reinstallingReplacesTheScripts() throws Exception {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Files.writeString(bin.resolve("MaBoSS"), "old");
        Path her2sim = echoHer2sim("h/her2sim");
        assertThat(install(bin.toString(), "--her2sim", her2sim.toString()).code()).isZero();
        assertThat(Files.readString(bin.resolve("MaBoSS"))).contains(her2sim.toAbsolutePath().toString(), "--build 64");
    }

    @Test
    void dirThatIsAFileIsExit2AndNothingIsWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("notadir"), "x");
        Run r = install(file.toString(), "--her2sim", echoHer2sim("h/her2sim").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(file.toString()).contains("not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(listing(dir)).containsExactly("h", "notadir");
    }

    @Test
    void oneNameTakenByAFolderIsExit2AndNoScriptIsWritten() throws IOException {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin.resolve("MaBoSS_1024n"));
        Files.writeString(bin.resolve("MaBoSS_1024n/keep"), "x");
        Run r = install(bin.toString(), "--her2sim", echoHer2sim("h/her2sim").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("MaBoSS_1024n").contains("directory");
        // no MaBoSS or MaBoSS_128n, and no temporary files left behind
        assertThat(listing(bin)).containsExactly("MaBoSS_1024n");
        assertThat(listing(bin.resolve("MaBoSS_1024n"))).containsExactly("keep");
    }

    @Test
    void missingLauncherOrDirIsExit2() throws IOException {
        Path bin = dir.resolve("bin");
        Run r = install(bin.toString(), "--her2sim", dir.resolve("nope/her2sim").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot find the her2sim launcher at " + dir.resolve("nope/her2sim"));
        assertThat(bin).doesNotExist();
        Run none = install();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("one DIR expected");
    }

    @Test
    void scriptsNameTheirBuild() {
        Path h = Path.of("/opt/her2sim/her2sim");
        assertThat(InstallLaunchersCommand.script("MaBoSS", h)).endsWith("exec '/opt/her2sim/her2sim' maboss-compat --build 64 \"$@\"\n");
        assertThat(InstallLaunchersCommand.script("MaBoSS_128n", h)).contains("--build 128 ");
        assertThat(InstallLaunchersCommand.script("MaBoSS_1024n", h)).contains("--build 1024 ");
    }
}
