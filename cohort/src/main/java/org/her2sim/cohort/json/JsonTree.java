// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.her2sim.her2.report.JsonText;

/**
 * The cohort module's one JSON mapping: typed result records become the nested maps and lists that
 * {@link JsonText} writes (and the web's mapper sends). A record is an object whose keys are its
 * component names in declaration order (or their {@link Key}), an {@link Inline} map's entries in
 * its place; an empty {@link Optional} component leaves its key out, a
 * present one writes its value, null writes null. Maps keep their order (keys as text), lists and
 * other collections become lists; strings, numbers and booleans stay as they are.
 */
public final class JsonTree {
    /** A component's JSON key when it cannot be its name (a record component may not be called {@code clone}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Key {
        /** The key. */
        String value();
    }

    /** A map component whose entries go into the record's own object, in place of a key of its own. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Inline {
    }

    private JsonTree() {
    }

    /** The JSON text of a result record, or a list of them (two-space indent, final newline). */
    public static String text(Object value) {
        return JsonText.write(value instanceof Collection<?> ? tree(value) : of(value));
    }

    /**
     * A result record as an ordered map of plain JSON values.
     *
     * @throws IllegalArgumentException if it is not a record, or holds a value with no JSON form
     */
    public static Map<String, Object> of(Object record) {
        if (!(record instanceof Record value)) {
            throw new IllegalArgumentException("not a result record: " + (record == null ? "null" : record.getClass().getName()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v = read(c, value);
            if (v instanceof Optional<?> o) {
                if (o.isEmpty()) {
                    continue;
                }
                v = o.get();
            }
            Key key = c.getAnnotation(Key.class);
            if (c.isAnnotationPresent(Inline.class) && v instanceof Map<?, ?> m) {
                m.forEach((k, x) -> out.put(String.valueOf(k), tree(x)));
            } else {
                out.put(key == null ? c.getName() : key.value(), tree(v));
            }
        }
        return out;
    }

    private static Object tree(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Record r) {
            return of(r);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), tree(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(tree(x)));
            return out;
        }
        throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
        }
    }
}
