// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.exec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a cluster executor in tests: ships the work and each item through Java
 * serialisation (a fresh copy of the work, with empty caches, as a remote worker would get), runs
 * the items in reverse order, and ships each result back the same way.
 */
public final class SerializingExecutor implements CohortExecutor {
    @Override
    public String name() {
        return "serializing (test)";
    }

    @Override
    public <I extends Serializable, R extends Serializable> List<R> run(List<WorkItem<I>> items, Work<I, R> work, Progress<? super R> progress) {
        @SuppressWarnings("unchecked")
        Work<I, R> remote = (Work<I, R>) copy(work);
        List<R> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(null);
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            @SuppressWarnings("unchecked")
            WorkItem<I> item = (WorkItem<I>) copy(items.get(i));
            try {
                @SuppressWarnings("unchecked")
                R r = (R) copy(remote.apply(item));
                out.set(i, r);
                progress.done(i, items.get(i), r);
            } catch (Exception e) {
                throw LocalExecutor.rethrow(item.key(), e);
            }
        }
        return out;
    }

    static Object copy(Serializable o) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(o);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
