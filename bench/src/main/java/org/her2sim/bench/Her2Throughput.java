// SPDX-License-Identifier: Apache-2.0
package org.her2sim.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.her2sim.engine.sim.CompiledModel;
import org.her2sim.engine.sim.Marginals;
import org.her2sim.engine.sim.Simulator;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.predict.Prediction;
import org.her2sim.her2.predict.Predictor;
import org.her2sim.her2.predict.Scenario;
import org.her2sim.her2.profile.Profile;
import org.her2sim.her2.profile.ProfileReader;

/**
 * The HER2 model's throughput, warm, in one JVM: simulations of the 183-node network per second
 * (one scenario, the response's 2,000 trajectories, node marginals as predictions read them, and
 * the full state statistics for comparison), and whole predictions with rescues, on 1 and 2
 * threads. Prints wall and process CPU time (user + system) per item: the machine is shared.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.her2sim.bench.Her2Throughput [reps] [profile] [therapy]</pre>
 */
public final class Her2Throughput {
    private Her2Throughput() {
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String profile = args.length > 1 ? args[1] : "pik3ca_mutant";
        String therapy = args.length > 2 ? args[2] : "trastuzumab";
        Catalog c = Catalog.load();
        Profile p = ProfileReader.find(profile, c);
        Scenario s = Scenario.of(p.resolve(c, false), List.of(therapy));
        long samples = c.response().sampleCount();
        CompiledModel m = s.compile(c, s.mechanisms(), 1, samples);
        System.out.printf(Locale.ROOT, "%s + %s, %d nodes, %d trajectories per simulation, %d reps after %d warm-up%n", profile, therapy,
            m.size(), samples, reps, reps);
        for (int threads = 1; threads <= 2; threads++) {
            int t = threads;
            long[] transitions = new long[1];
            time("simulations (marginals)", t, reps, () -> transitions[0] = Simulator.runMarginals(m, t).transitions());
            System.out.printf(Locale.ROOT, "    %.0f transitions per trajectory%n", transitions[0] / (double) samples);
            time("simulations (full statistics)", t, Math.max(1, reps / 2), () -> Simulator.run(m, new Simulator.Options(t, false, null)));
            Prediction[] last = new Prediction[1];
            time("predict with rescues", t, reps, () -> last[0] = new Predictor(c).predict(p, List.of(therapy), 1,
                new Predictor.Options(0, t, true, false)));
            long[] n = last[0].rescues().stream().mapToLong(Prediction.Rescue::trajectories).toArray();
            System.out.printf(Locale.ROOT, "    %d rescues, trajectories each %s%n", n.length, Arrays.toString(n));
        }
    }

    private static void time(String what, int threads, int reps, Runnable r) {
        for (int i = 0; i < reps; i++) {
            r.run();
        }
        double[] wall = new double[reps];
        double[] cpu = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = cpuNanos();
            long w0 = System.nanoTime();
            r.run();
            wall[i] = (System.nanoTime() - w0) / 1e9;
            cpu[i] = (cpuNanos() - c0) / 1e9;
        }
        double w = median(wall);
        double cp = median(cpu);
        System.out.printf(Locale.ROOT, "%-32s threads %d: median %.3f s wall, %.3f s CPU each; %.2f per s wall, %.2f per CPU-s; load %.1f%n",
            what, threads, w, cp, 1 / w, 1 / cp, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
