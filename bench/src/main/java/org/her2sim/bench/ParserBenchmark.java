// SPDX-License-Identifier: Apache-2.0
package org.her2sim.bench;

import java.util.concurrent.TimeUnit;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.cfg.CfgParser;
import org.her2sim.engine.cfg.RunConfig;
import org.her2sim.engine.model.Network;
import org.her2sim.engine.sim.CompiledModel;
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

/** Reading and compiling a model: BND parsing, CFG parsing, and rate tabulation, on generated rings. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParserBenchmark {

    @Param({"100", "1000"})
    public int nodes;

    private String bnd;
    private String cfg;
    private Network network;

    @Setup
    public void setup() {
        bnd = KernelBenchmark.ring(nodes);
        cfg = KernelBenchmark.config(nodes, 1000);
        network = BndParser.parse("ring.bnd", bnd);
    }

    @Benchmark
    public Network parseBnd() {
        return BndParser.parse("ring.bnd", bnd);
    }

    @Benchmark
    public CompiledModel parseCfgAndCompile() {
        RunConfig.Builder b = new RunConfig.Builder();
        CfgParser.apply("ring.cfg", cfg, network, b);
        return CompiledModel.compile(network, b.build());
    }
}
