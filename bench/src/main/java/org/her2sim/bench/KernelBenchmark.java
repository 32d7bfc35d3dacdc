// SPDX-License-Identifier: Apache-2.0
package org.her2sim.bench;

import java.util.concurrent.TimeUnit;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.sim.CompiledModel;
import org.her2sim.engine.sim.SimulationResult;
import org.her2sim.engine.sim.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulation throughput of the kernel with its accumulators, on generated ring networks of the
 * shape MaBoSS's HPC paper uses (each node switched on by its predecessors, off by its
 * successors), from 10 to 1,000 nodes, with windowed statistics or final states only.
 * Models are built in {@code @Setup}; one invocation runs {@code trajectories} trajectories.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KernelBenchmark {

    @Param({"10", "100", "1000"})
    public int nodes;

    @Param({"probtraj", "final"})
    public String statistics;

    @Param({"2000"})
    public int trajectories;

    private CompiledModel model;

    /**
     * A ring of {@code n} nodes carrying a wave: node i turns on after its predecessor and off
     * once its successor is on, so a trajectory keeps moving (about two flips per time unit).
     */
    static String ring(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int prev = (i + n - 1) % n;
            int next = (i + 1) % n;
            sb.append("node N").append(i).append(" {\n  logic = !N").append(next).append(" & (N").append(prev).append(" | N").append(i)
                .append(");\n  rate_up = @logic ? $u : 0;\n  rate_down = @logic ? 0 : $d;\n}\n");
        }
        return sb.toString();
    }

    static String config(int n, int trajectories) {
        StringBuilder sb = new StringBuilder("$u = 1; $d = 1; time_tick = 5; max_time = 100; seed_pseudorandom = 1;\n");
        sb.append("sample_count = ").append(trajectories).append(";\n");
        for (int i = 0; i < n; i++) {
            sb.append('N').append(i).append(".istate = ").append(i == 0 ? 1 : 0).append(";\n");
            if (i >= 5) {
                sb.append('N').append(i).append(".is_internal = 1;\n");
            }
        }
        return sb.toString();
    }

    @Setup
    public void setup() {
        Network net = BndParser.parse("ring.bnd", ring(nodes));
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("ring.cfg", config(nodes, trajectories), net, b);
        model = CompiledModel.compile(net, b.build());
    }

    @Benchmark
    public SimulationResult simulate() {
        SimulationResult r = Simulator.run(model, new Simulator.Options(1, statistics.equals("final"), null));
        if (r.probTraj() != null) {
            r.probTraj();
        }
        return r;
    }
}
