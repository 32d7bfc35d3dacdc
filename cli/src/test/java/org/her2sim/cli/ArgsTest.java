// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {
    static final Args.Spec SPEC = new Args.Spec("x [options] FILE")
        .option("-c,--config", "CFG", "a file")
        .option("-e,--expr", "EXPR", "a snippet")
        .flag("-q,--quiet", "quiet")
        .positional("FILE", "the file");

    @Test
    void keepsOptionOrderAndForms() {
        Args a = Args.parse(SPEC, List.of("-c", "a.cfg", "--expr=x = 1", "-q", "m.bnd", "--config", "b.cfg"));
        assertThat(a.entries()).extracting(Args.Entry::key).containsExactly("--config", "--expr", "--quiet", "--config");
        assertThat(a.values("--config", false)).containsExactly("a.cfg", "b.cfg");
        assertThat(a.value("--expr")).isEqualTo("x = 1");
        assertThat(a.has("--quiet")).isTrue();
        assertThat(a.positionals()).containsExactly("m.bnd");
    }

    @Test
    void doubleDashEndsOptions() {
        Args a = Args.parse(SPEC, List.of("--", "-q"));
        assertThat(a.has("--quiet")).isFalse();
        assertThat(a.positionals()).containsExactly("-q");
    }

    @Test
    void splitsCommaSeparatedValues() {
        Args a = Args.parse(SPEC, List.of("-e", "A, B", "-e", "C"));
        assertThat(a.values("--expr", true)).containsExactly("A", "B", "C");
    }

    @Test
    void rejectsBadUsage() {
        assertThatThrownBy(() -> Args.parse(SPEC, List.of("--nope"))).hasMessageContaining("unknown option '--nope'");
        assertThatThrownBy(() -> Args.parse(SPEC, List.of("-c"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Args.parse(SPEC, List.of("--quiet=1"))).hasMessageContaining("takes no value");
        Args a = Args.parse(SPEC, List.of("-e", "x"));
        assertThatThrownBy(() -> a.longValue("--expr")).hasMessageContaining("whole number");
    }

    @Test
    void helpListsEveryOption() {
        assertThat(SPEC.help()).contains("-c, --config CFG").contains("-q, --quiet").contains("FILE").contains("-h, --help");
    }
}
