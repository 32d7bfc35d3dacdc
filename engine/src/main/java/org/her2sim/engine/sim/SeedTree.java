// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.sim;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Derives an independent random stream for every trajectory from (master seed, trajectory
 * index), by hashing, never by {@code seed + i}: with MaBoSS's {@code seed + i}, runs with seeds
 * 100 and 777 share most of their trajectories. Streams come from {@code L64X128MixRandom}, so
 * a trajectory's draws depend only on the seed and its index, not on threads or machines.
 */
public final class SeedTree {
    /** The generator algorithm, named explicitly so results never change with a JDK default. */
    public static final String ALGORITHM = "L64X128MixRandom";
    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);

    private SeedTree() {
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of child {@code index} of {@code parent} (a job of a run, a trajectory of a job). */
    public static long child(long parent, long index) {
        return mix(mix(parent ^ 0x6A09E667F3BCC909L) + mix(index + 0x9E3779B97F4A7C15L));
    }

    private static final RandomGenerator.SplittableGenerator TEMPLATE =
        (RandomGenerator.SplittableGenerator) FACTORY.create(0L);

    /**
     * A fresh generator for trajectory {@code index} of a run seeded with {@code master}: an
     * {@code L64X128MixRandom} whose whole state (four 64-bit words) is drawn from a hash of
     * (master, index). Made by {@code split}, which constructs directly; creating through the
     * factory goes through reflection and costs more than a short trajectory.
     */
    public static RandomGenerator trajectory(long master, long index) {
        return TEMPLATE.split(new HashSource(child(master, index)));
    }

    /** SplitMix64 over a hashed seed: the source of a new generator's state words. */
    private static final class HashSource implements RandomGenerator.SplittableGenerator {
        private long state;

        HashSource(long seed) {
            this.state = seed;
        }

        @Override
        public long nextLong() {
            state += 0x9E3779B97F4A7C15L;
            return mix(state);
        }

        @Override
        public RandomGenerator.SplittableGenerator split() {
            throw new UnsupportedOperationException("seed source only");
        }

        @Override
        public RandomGenerator.SplittableGenerator split(RandomGenerator.SplittableGenerator source) {
            throw new UnsupportedOperationException("seed source only");
        }

        @Override
        public java.util.stream.Stream<RandomGenerator.SplittableGenerator> splits(long streamSize) {
            throw new UnsupportedOperationException("seed source only");
        }

        @Override
        public java.util.stream.Stream<RandomGenerator.SplittableGenerator> splits(RandomGenerator.SplittableGenerator source) {
            throw new UnsupportedOperationException("seed source only");
        }

        @Override
        public java.util.stream.Stream<RandomGenerator.SplittableGenerator> splits(long streamSize, RandomGenerator.SplittableGenerator source) {
            throw new UnsupportedOperationException("seed source only");
        }
    }
}
