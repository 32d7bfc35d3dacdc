// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * How the workbench runs: where it listens, where it keeps its run history, and its limits.
 *
 * @param bind the address to listen on (loopback by default)
 * @param port the port; 0 picks a free one
 * @param dataDir the folder of the run history database
 * @param maxSamples most trajectories per simulation a request may ask for
 * @param maxJobs jobs running at once (the rest wait in the queue)
 * @param maxQueue jobs waiting at most; more are refused with 429
 * @param maxRunSeconds a job running longer is cancelled
 * @param maxRequestBytes largest request body; more is refused with 413
 * @param maxProfileChars largest profile YAML text
 * @param maxMonths longest tumour simulation
 * @param threads engine threads per simulation (2 or more keeps cancellation prompt)
 * @param maxCohortSize most patients in a cohort run or a cohort screen
 * @param maxScreenWork most combinations x distinct profiles in a screen
 */
public record WebConfig(String bind, int port, Path dataDir, long maxSamples, int maxJobs, int maxQueue, long maxRunSeconds,
                        long maxRequestBytes, int maxProfileChars, int maxMonths, int threads, int maxCohortSize, long maxScreenWork) {
    /** Prefix of the system properties that override the defaults, e.g. {@code -Dher2sim.web.maxSamples=500}. */
    public static final String PREFIX = "her2sim.web.";

    /** The defaults: loopback port 8080, data under {@code ~/.her2sim}, limits for a small shared machine. */
    public static WebConfig defaults() {
        return new WebConfig("127.0.0.1", 8080, Path.of(System.getProperty("user.home"), ".her2sim"), 5000, 2, 50, 600,
            1_000_000, 65_536, 60, 2, 2000, 5000);
    }

    /** These values, each replaced by its system property when one is set. */
    public WebConfig withSystemProperties() {
        return new WebConfig(prop("bind", bind), (int) num("port", port),
            Path.of(prop("dataDir", dataDir.toString())), num("maxSamples", maxSamples), (int) num("maxJobs", maxJobs),
            (int) num("maxQueue", maxQueue), num("maxRunSeconds", maxRunSeconds), num("maxRequestBytes", maxRequestBytes),
            (int) num("maxProfileChars", maxProfileChars), (int) num("maxMonths", maxMonths), (int) num("threads", threads),
            (int) num("maxCohortSize", maxCohortSize), num("maxScreenWork", maxScreenWork));
    }

    /** A copy listening elsewhere. */
    public WebConfig at(String newBind, int newPort) {
        return new WebConfig(newBind, newPort, dataDir, maxSamples, maxJobs, maxQueue, maxRunSeconds, maxRequestBytes, maxProfileChars,
            maxMonths, threads, maxCohortSize, maxScreenWork);
    }

    /** A copy with another data folder. */
    public WebConfig withDataDir(Path dir) {
        return new WebConfig(bind, port, dir, maxSamples, maxJobs, maxQueue, maxRunSeconds, maxRequestBytes, maxProfileChars, maxMonths,
            threads, maxCohortSize, maxScreenWork);
    }

    /** A copy with other job limits. */
    public WebConfig withLimits(long samples, int jobs, int queue, long runSeconds, long requestBytes) {
        return new WebConfig(bind, port, dataDir, samples, jobs, queue, runSeconds, requestBytes, maxProfileChars, maxMonths, threads,
            maxCohortSize, maxScreenWork);
    }

    /** A copy with other cohort and screen limits. */
    public WebConfig withCohortLimits(int cohortSize, long screenWork) {
        return new WebConfig(bind, port, dataDir, maxSamples, maxJobs, maxQueue, maxRunSeconds, maxRequestBytes, maxProfileChars, maxMonths,
            threads, cohortSize, screenWork);
    }

    /** True when it listens on a loopback address only. */
    public boolean loopback() {
        return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1");
    }

    /** Checks every value. @throws IllegalArgumentException naming the first bad one */
    public WebConfig check() {
        positive("maxSamples", maxSamples);
        positive("maxJobs", maxJobs);
        positive("maxQueue", maxQueue);
        positive("maxRunSeconds", maxRunSeconds);
        positive("maxRequestBytes", maxRequestBytes);
        positive("maxProfileChars", maxProfileChars);
        positive("maxMonths", maxMonths);
        positive("threads", threads);
        positive("maxCohortSize", maxCohortSize);
        positive("maxScreenWork", maxScreenWork);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        checkLocal(bind);
        return this;
    }

    /** Refuses an address this machine does not have (the server could never listen there). */
    private static void checkLocal(String bind) {
        InetAddress a;
        try {
            a = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind address '" + bind + "' is not a known host name or address");
        }
        try {
            if (!a.isAnyLocalAddress() && !a.isLoopbackAddress() && NetworkInterface.getByInetAddress(a) == null) {
                throw new IllegalArgumentException("bind address " + bind + " is not an address of this machine"
                    + " (use 127.0.0.1, 0.0.0.0 for every interface, or one of this machine's addresses)");
            }
        } catch (SocketException e) {
            // cannot list the interfaces: let the server try
        }
    }

    private static void positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + v);
        }
    }

    private static String prop(String name, String fallback) {
        String v = System.getProperty(PREFIX + name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static long num(String name, long fallback) {
        String v = prop(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + PREFIX + name + " needs a whole number, not '" + v + "'");
        }
    }
}
