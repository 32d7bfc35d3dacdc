// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small command-line parser: options declared with names, a value label and a description;
 * values kept in command-line order. Accepts {@code --name value}, {@code --name=value},
 * {@code -n value} and {@code --} to end options. (A hand-written parser starts in microseconds;
 * an annotation-driven library cost a fifth of a second per run here.)
 */
final class Args {

    /** Bad usage: an unknown option, a missing value, a missing argument. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** One option: its names (first is the long name used as key), the label of its value (null for a flag) and help text. */
    record Option(List<String> names, String valueLabel, String description) {
        String key() {
            return names.get(names.size() - 1);
        }

        boolean takesValue() {
            return valueLabel != null;
        }
    }

    /** The options and positional parameters of one command. */
    static final class Spec {
        private final String usage;
        private final List<String> description;
        private final List<Option> options = new ArrayList<>();
        private final List<String[]> positionals = new ArrayList<>();

        Spec(String usage, String... description) {
            this.usage = usage;
            this.description = List.of(description);
            flag("-h,--help", "show this help and exit");
        }

        /** An option taking a value; {@code names} is comma-separated, e.g. {@code "-o,--output"}. */
        Spec option(String names, String valueLabel, String description) {
            options.add(new Option(List.of(names.split(",")), valueLabel, description));
            return this;
        }

        /** An option without a value. */
        Spec flag(String names, String description) {
            options.add(new Option(List.of(names.split(",")), null, description));
            return this;
        }

        /** A positional parameter, documented in the help. */
        Spec positional(String label, String description) {
            positionals.add(new String[] {label, description});
            return this;
        }

        Option find(String name) {
            for (Option o : options) {
                if (o.names().contains(name)) {
                    return o;
                }
            }
            return null;
        }

        /** The help text. */
        String help() {
            StringBuilder sb = new StringBuilder("Usage: ").append(usage).append('\n');
            for (String d : description) {
                sb.append(d).append('\n');
            }
            if (!positionals.isEmpty()) {
                sb.append('\n');
                for (String[] p : positionals) {
                    sb.append(String.format("  %-30s %s%n", p[0], p[1]));
                }
            }
            sb.append("\nOptions:\n");
            for (Option o : options) {
                String left = String.join(", ", o.names()) + (o.takesValue() ? " " + o.valueLabel() : "");
                if (left.length() > 30) {
                    sb.append("  ").append(left).append('\n').append(String.format("  %-30s %s%n", "", o.description()));
                } else {
                    sb.append(String.format("  %-30s %s%n", left, o.description()));
                }
            }
            return sb.toString();
        }
    }

    /** An option occurrence. */
    record Entry(String key, String value) { }

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    /**
     * Parses arguments against a spec.
     *
     * @throws UsageException on an unknown option or a missing value
     */
    static Args parse(Spec spec, List<String> argv) {
        Args a = new Args();
        boolean optionsDone = false;
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (optionsDone || !arg.startsWith("-") || arg.equals("-")) {
                a.positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsDone = true;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Option o = spec.find(name);
            if (o == null) {
                throw new UsageException("unknown option '" + name + "'");
            }
            if (o.takesValue()) {
                if (value == null) {
                    if (i + 1 >= argv.size()) {
                        throw new UsageException("option '" + name + "' needs a value (" + o.valueLabel() + ")");
                    }
                    value = argv.get(++i);
                }
            } else if (value != null) {
                throw new UsageException("option '" + name + "' takes no value");
            }
            a.entries.add(new Entry(o.key(), value));
        }
        return a;
    }

    /** All option occurrences in command-line order. */
    List<Entry> entries() {
        return entries;
    }

    /** Positional arguments. */
    List<String> positionals() {
        return positionals;
    }

    /** The value of an option the command cannot do without; {@code missing} is the message when absent. */
    String required(String key, String missing) {
        String v = value(key);
        if (v == null) {
            throw new UsageException(missing);
        }
        return v;
    }

    /** The values of a repeatable option that must be given at least once. */
    List<String> requiredValues(String key, boolean commas, String missing) {
        List<String> v = values(key, commas);
        if (v.isEmpty()) {
            throw new UsageException(missing);
        }
        return v;
    }

    /** Refuses positional arguments, for commands that take options only. */
    void requireNoPositionals() throws UsageException {
        if (!positionals().isEmpty()) {
            throw new UsageException("unexpected argument '" + positionals().get(0) + "'");
        }
    }

    /** True if the option (by its long name) was given. */
    boolean has(String key) {
        return entries.stream().anyMatch(e -> e.key().equals(key));
    }

    /** The last value of an option, or null. */
    String value(String key) {
        String v = null;
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                v = e.value();
            }
        }
        return v;
    }

    /** Every value of a repeatable option, in order; comma-separated values are split when {@code split}. */
    List<String> values(String key, boolean split) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                if (split) {
                    for (String s : e.value().split(",")) {
                        if (!s.isBlank()) {
                            out.add(s.strip());
                        }
                    }
                } else {
                    out.add(e.value());
                }
            }
        }
        return out;
    }

    /** The value of a numeric option, or null. @throws UsageException if not a number of that kind */
    Long longValue(String key) {
        String v = value(key);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("option '" + key + "' needs a whole number, not '" + v + "'");
        }
    }

    /** A finite number option, or null when absent. */
    Double doubleValue(String key) {
        String v = value(key);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("option '" + key + "': needs a number, not '" + v + "'");
        }
    }

    /** Options by key with their last value, for messages and reports. */
    Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.put(e.key(), e.value());
        }
        return m;
    }
}
