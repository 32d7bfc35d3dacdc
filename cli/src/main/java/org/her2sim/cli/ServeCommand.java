// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.her2sim.web.WebConfig;
import org.her2sim.web.WebServer;

/** {@code her2sim serve}: the web workbench. Its classes (Javalin, H2) load only when this command runs. */
final class ServeCommand implements Command {
    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim serve [--port N] [--bind ADDR] [--data-dir DIR] [limits]",
        "Serve the web workbench: the network and its evidence, scenarios (predict, treat), the run history, and the REST API",
        "described at /openapi.json. Listens on loopback unless --bind says otherwise. Stop it with Ctrl-C.",
        "Limits also come from system properties her2sim.web.NAME (e.g. HER2SIM_JAVA_OPTS=\"-Dher2sim.web.maxSamples=500\").")
        .option("--port", "N", "port to listen on (default 8080; 0 picks a free one)")
        .option("--bind", "ADDR", "address to listen on (default 127.0.0.1; 0.0.0.0 exposes it to the network)")
        .option("--data-dir", "DIR", "folder of the run history database (default ~/.her2sim)")
        .option("--max-samples", "N", "most trajectories per simulation a request may ask for (default 5000)")
        .option("--max-jobs", "N", "jobs running at once (default 2)")
        .option("--max-queue", "N", "jobs waiting at most; more are refused with 429 (default 50)")
        .option("--max-run-seconds", "N", "cancel a job running longer (default 600)")
        .option("--max-request-bytes", "N", "largest request body (default 1000000)")
        .option("--max-cohort", "N", "most patients in a cohort run or cohort screen (default 2000)")
        .option("--max-screen", "N", "most combinations x distinct profiles in a screen (default 5000)");

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "serve the web workbench and its REST API (loopback by default)";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        WebConfig c = config(a);
        WebServer server = WebServer.start(c);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "her2sim-serve-stop"));
        out.println("her2sim workbench on " + server.url() + " (run history in " + c.dataDir() + "; Ctrl-C stops it)");
        if (!c.loopback()) {
            err.println("her2sim: warning: listening on " + c.bind() + ": anyone who can reach this machine can run jobs; there is no login");
        }
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    static WebConfig config(Args a) {
        WebConfig c;
        try {
            c = WebConfig.defaults().withSystemProperties();
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        Long port = a.longValue("--port");
        String bind = a.value("--bind");
        if (port != null || bind != null) {
            c = c.at(bind != null ? bind.strip() : c.bind(), port != null ? port.intValue() : c.port());
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new Args.UsageException("option '--port' must be 0 to 65535, not " + port);
        }
        if (a.value("--data-dir") != null) {
            c = c.withDataDir(Path.of(a.value("--data-dir")));
        }
        c = c.withLimits(Her2Input.positive(a, "--max-samples", c.maxSamples()), (int) Her2Input.positive(a, "--max-jobs", c.maxJobs()),
            (int) Her2Input.positive(a, "--max-queue", c.maxQueue()), Her2Input.positive(a, "--max-run-seconds", c.maxRunSeconds()),
            Her2Input.positive(a, "--max-request-bytes", c.maxRequestBytes()));
        long cohort = Her2Input.positive(a, "--max-cohort", c.maxCohortSize());
        if (cohort > Integer.MAX_VALUE) {
            throw new Args.UsageException("option '--max-cohort' must be at most " + Integer.MAX_VALUE + ", not " + cohort);
        }
        c = c.withCohortLimits((int) cohort, Her2Input.positive(a, "--max-screen", c.maxScreenWork()));
        try {
            return c.check();
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }
}
