// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.run.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;

/**
 * Finished work of a run, kept in {@code DIR/.work/} so that an interrupted run resumes: {@code run.txt}
 * holds the run's inputs ({@code key: value} lines), and each finished item is one small file named
 * by a hash of its key, starting with a {@code key: ...} line. Every file is written to a temporary
 * file and moved into place, so a file is either complete or absent.
 */
public final class WorkStore {
    /** The folder under the output directory. */
    public static final String FOLDER = ".work";
    /** The inputs file. */
    public static final String RUN = "run.txt";

    private final Path dir;

    private WorkStore(Path dir) {
        this.dir = dir;
    }

    /**
     * Checks that {@code output} holds no run or a run with these inputs; creates nothing.
     *
     * @param inputs the run's inputs, in order (the values must not contain line breaks)
     * @throws ModelException when the directory holds a run with other inputs, naming the differences
     */
    public static void check(Path output, Map<String, String> inputs) throws IOException {
        Path run = output.resolve(FOLDER).resolve(RUN);
        if (!Files.isRegularFile(run)) {
            if (Files.exists(output.resolve("summary.json"))) {
                throw new ModelException(SourceLocation.of(output.toString()), "holds results without " + FOLDER + "/" + RUN
                    + " (not a run of this version, or its work files were deleted): choose another output directory or delete it");
            }
            return;
        }
        Map<String, String> there = parse(Files.readString(run, StandardCharsets.UTF_8));
        if (there.equals(inputs)) {
            return;
        }
        List<String> diffs = new ArrayList<>();
        for (String k : inputs.keySet()) {
            if (!inputs.get(k).equals(there.get(k))) {
                diffs.add(k + ": " + there.getOrDefault(k, "(absent)") + " there, " + inputs.get(k) + " here");
            }
        }
        for (String k : there.keySet()) {
            if (!inputs.containsKey(k)) {
                diffs.add(k + ": " + there.get(k) + " there, absent here");
            }
        }
        throw new ModelException(SourceLocation.of(output.toString()), "holds a run with other inputs (" + String.join("; ", diffs)
            + "): choose another output directory, or delete it to start again");
    }

    /** Opens (creating when needed) the store of {@code output}; call {@link #check} first. */
    public static WorkStore open(Path output, Map<String, String> inputs) throws IOException {
        Path d = output.resolve(FOLDER);
        Files.createDirectories(d);
        WorkStore s = new WorkStore(d);
        if (!Files.isRegularFile(d.resolve(RUN))) {
            s.write(RUN, text(inputs));
        }
        return s;
    }

    /** The text of a finished item, or null when it is not stored (or belongs to another key). */
    public String load(String key) throws IOException {
        try {
            String t = Files.readString(file(key), StandardCharsets.UTF_8);
            String head = "key: " + key + "\n";
            return t.startsWith(head) ? t.substring(head.length()) : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Stores a finished item. */
    public void save(String key, String body) throws IOException {
        write(file(key).getFileName().toString(), "key: " + key + "\n" + body);
    }

    /** The path of an item's file. */
    public Path file(String key) {
        return dir.resolve(hash(key) + ".txt");
    }

    private void write(String name, String content) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String text(Map<String, String> inputs) {
        StringBuilder sb = new StringBuilder("# her2sim cohort run: the inputs of the run in this directory\n");
        inputs.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int c = line.indexOf(": ");
            if (!line.startsWith("#") && c > 0) {
                m.put(line.substring(0, c), line.substring(c + 2));
            }
        }
        return m;
    }

    /** The first 32 hex digits of the SHA-256 of the key. */
    static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
