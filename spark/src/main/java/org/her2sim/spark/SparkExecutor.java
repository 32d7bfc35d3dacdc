// SPDX-License-Identifier: Apache-2.0
package org.her2sim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.her2sim.cohort.exec.CohortExecutor;
import org.her2sim.cohort.exec.Progress;
import org.her2sim.cohort.exec.Work;
import org.her2sim.cohort.exec.WorkFailedException;
import org.her2sim.cohort.exec.WorkItem;
import scala.Function2;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Runs work items as a Spark job: the items, numbered, become an RDD of a fixed number of slices;
 * each task applies the work to its items; results come back to the driver as each task finishes
 * (that is when {@code progress} is told) and are put back in input order.
 *
 * <p>The work goes out as a broadcast variable, so each executor JVM deserialises it once and its
 * caches (the catalog loaded from the classpath, the scenario cache) are shared by that JVM's tasks.
 * With a local master that is the driver's own work object.
 */
public final class SparkExecutor implements CohortExecutor {
    private final JavaSparkContext jsc;
    private final int slices;

    /**
     * @param slices partitions of each job; 0 for four per core of the context ({@code defaultParallelism}),
     *     at most one per item
     */
    public SparkExecutor(JavaSparkContext jsc, int slices) {
        if (slices < 0) {
            throw new IllegalArgumentException("slices must be 0 or more, not " + slices);
        }
        this.jsc = jsc;
        this.slices = slices;
    }

    @Override
    public String name() {
        return "spark (" + jsc.master() + ")";
    }

    /** The number of partitions a job of {@code n} items gets. */
    public int slices(int n) {
        int s = slices > 0 ? slices : 4 * jsc.defaultParallelism();
        return Math.max(1, Math.min(s, n));
    }

    @Override
    public <I extends Serializable, R extends Serializable> List<R> run(List<WorkItem<I>> items, Work<I, R> work,
                                                                         Progress<? super R> progress) {
        int n = items.size();
        if (n == 0) {
            return List.of();
        }
        List<Numbered<WorkItem<I>>> numbered = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            numbered.add(new Numbered<>(i, items.get(i)));
        }
        Broadcast<Work<I, R>> shared = jsc.broadcast(work);
        try {
            JavaRDD<Numbered<WorkItem<I>>> rdd = jsc.parallelize(numbered, slices(n));
            Collector<R> collector = new Collector<>(items, progress);
            Function2<TaskContext, scala.collection.Iterator<Numbered<WorkItem<I>>>, ArrayList<Numbered<Object>>> task =
                new Task<>(shared);
            jsc.sc().runJob(rdd.rdd(), task, partitions(rdd.getNumPartitions()), collector, arrayListTag());
            return collector.results();
        } finally {
            shared.destroy();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static scala.collection.immutable.Seq<Object> partitions(int count) {
        List<Object> ids = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            ids.add(p);
        }
        return (scala.collection.immutable.Seq) CollectionConverters.asScala(ids).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ClassTag<ArrayList<Numbered<Object>>> arrayListTag() {
        return (ClassTag) ClassTag$.MODULE$.apply(ArrayList.class);
    }

    /** A value with its position in the input. */
    record Numbered<T>(int index, T value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What a task returns for an item that threw: the exception, shipped back. */
    record Failure(Throwable error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Runs on the executors: applies the work to a partition's items; stops at the first failure. */
    static final class Task<I extends Serializable, R extends Serializable>
        extends scala.runtime.AbstractFunction2<TaskContext, scala.collection.Iterator<Numbered<WorkItem<I>>>, ArrayList<Numbered<Object>>>
        implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Work<I, R>> work;

        Task(Broadcast<Work<I, R>> work) {
            this.work = work;
        }

        @Override
        public ArrayList<Numbered<Object>> apply(TaskContext context, scala.collection.Iterator<Numbered<WorkItem<I>>> part) {
            Work<I, R> w = work.value();
            ArrayList<Numbered<Object>> out = new ArrayList<>();
            Iterator<Numbered<WorkItem<I>>> it = CollectionConverters.asJava(part);
            while (it.hasNext()) {
                Numbered<WorkItem<I>> x = it.next();
                try {
                    R r = w.apply(x.value());
                    if (r == null) {
                        throw new IllegalStateException("work item '" + x.value().key() + "' gave no result");
                    }
                    out.add(new Numbered<>(x.index(), r));
                } catch (Exception e) {
                    out.add(new Numbered<>(x.index(), new Failure(e)));
                    break;
                }
            }
            return out;
        }
    }

    /** On the driver: takes each finished partition (calls never overlap), tells progress, keeps results by index. */
    static final class Collector<R> extends scala.runtime.AbstractFunction2<Object, ArrayList<Numbered<Object>>, scala.runtime.BoxedUnit> {
        private final List<? extends WorkItem<?>> items;
        private final Progress<? super R> progress;
        private final Object[] results;
        private int failedAt = Integer.MAX_VALUE;
        private Throwable failure;

        Collector(List<? extends WorkItem<?>> items, Progress<? super R> progress) {
            this.items = items;
            this.progress = progress;
            this.results = new Object[items.size()];
        }

        @Override
        public synchronized scala.runtime.BoxedUnit apply(Object partition, ArrayList<Numbered<Object>> part) {
            for (Numbered<Object> x : part) {
                int i = x.index();
                if (x.value() instanceof Failure f) {
                    fail(i, f.error());
                    continue;
                }
                @SuppressWarnings("unchecked")
                R r = (R) x.value();
                results[i] = r;
                if (failure == null) {
                    try {
                        progress.done(i, items.get(i), r);
                    } catch (RuntimeException | Error e) {
                        fail(i, e);
                    }
                }
            }
            return scala.runtime.BoxedUnit.UNIT;
        }

        private void fail(int index, Throwable e) {
            if (index < failedAt) {
                failedAt = index;
                failure = e;
            }
        }

        synchronized List<R> results() {
            if (failure != null) {
                throw rethrow(items.get(failedAt).key(), failure);
            }
            List<R> out = new ArrayList<>(results.length);
            for (Object o : results) {
                @SuppressWarnings("unchecked")
                R r = (R) o;
                out.add(r);
            }
            return List.copyOf(out);
        }
    }

    private static RuntimeException rethrow(String key, Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new WorkFailedException(key, e);
    }
}
