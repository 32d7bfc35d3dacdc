// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A process for {@link RunStoreTest} to kill: it records one run in the store in its folder,
 * prints {@code done ID} as soon as it is finished, as the API would, then dies at once.
 */
final class RunStoreChild {
    private RunStoreChild() {
    }

    public static void main(String[] args) throws Exception {
        RunStore s = RunStore.open(Path.of(args[0]));
        String id = args[1];
        s.insert(id, "predict", "pik3ca_mutant", List.of("trastuzumab"), 1, "ab".repeat(32), Map.of("profile", "pik3ca_mutant"));
        s.started(id);
        s.finish(id, "done", Map.of("responseScore", 0.5), "sensitive", null);
        System.out.println("done " + id);
        System.out.flush();
        // stop at once, as SIGKILL would at this instant: no shutdown hooks, nothing flushed
        Runtime.getRuntime().halt(137);
    }
}
