// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

/** The command line of a run as text, for run metadata: {@code her2sim NAME --opt value ...}. */
final class CommandLine {
    private CommandLine() {
    }

    static String of(String name, Args a) {
        StringBuilder sb = new StringBuilder("her2sim ").append(name);
        for (Args.Entry e : a.entries()) {
            sb.append(' ').append(e.key());
            if (e.value() != null) {
                sb.append(' ').append(quote(e.value()));
            }
        }
        for (String p : a.positionals()) {
            sb.append(' ').append(quote(p));
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=,+@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
