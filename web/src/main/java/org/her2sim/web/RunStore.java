// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run history: one row per run in an embedded H2 database file ({@code runs.mv.db} in the
 * data folder). Every change is its own transaction, written and synced to the file
 * ({@code CHECKPOINT SYNC}) before the call returns, so a killed server keeps every finished run;
 * runs it left queued or running are marked {@code interrupted} when the store is opened again.
 * A journal of run ids ({@code runs.ids}, appended and synced) tells which runs a damaged or
 * truncated database lost: they are named in {@link #warnings()}.
 */
final class RunStore implements AutoCloseable {
    private static final String COLUMNS = "id, kind, status, created, finished, profile, therapies, seed, model_hash, summary";
    /** H2's error code for "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int DATABASE_IN_USE = 90020;
    private final Connection db;
    private final FileChannel ids;
    private final List<String> warnings;

    private RunStore(Connection db, FileChannel ids, List<String> warnings) {
        this.db = db;
        this.ids = ids;
        this.warnings = List.copyOf(warnings);
    }

    /** Opens (or creates) the store in a folder. @throws IOException when the folder or database cannot be opened */
    static RunStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> warnings = new ArrayList<>();
        Path file = dir.resolve("runs.mv.db");
        Connection c;
        try {
            c = connect(dir);
        } catch (SQLException e) {
            if (e.getErrorCode() == DATABASE_IN_USE) {
                throw new IOException(inUse(dir), e);
            }
            if (!Files.exists(file)) {
                throw new IOException("cannot open the run history in " + dir + ": " + e.getMessage(), e);
            }
            // a damaged file: keep it aside for inspection and start again
            Path aside = dir.resolve("runs.mv.db.damaged-" + System.currentTimeMillis());
            Files.move(file, aside);
            warnings.add("the run history " + file + " could not be opened (" + firstLine(e.getMessage()) + "); it was moved to " + aside);
            try {
                c = connect(dir);
            } catch (SQLException again) {
                if (again.getErrorCode() == DATABASE_IN_USE) {
                    throw new IOException(inUse(dir), again);
                }
                throw new IOException("cannot open the run history in " + dir + ": " + again.getMessage(), again);
            }
        }
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS runs (id VARCHAR(64) PRIMARY KEY, kind VARCHAR(16) NOT NULL,"
                    + " status VARCHAR(16) NOT NULL, created BIGINT NOT NULL, finished BIGINT, profile VARCHAR(200),"
                    + " therapies VARCHAR(1000), seed BIGINT, model_hash VARCHAR(64), summary VARCHAR(500), inputs CLOB, result CLOB,"
                    + " error VARCHAR(4000))");
                // when the job started running (histories from before this column have none)
                s.execute("ALTER TABLE runs ADD COLUMN IF NOT EXISTS started BIGINT");
                s.execute("CREATE INDEX IF NOT EXISTS runs_created ON runs(created)");
                s.executeUpdate("UPDATE runs SET status = 'interrupted', error = 'the server stopped before the run finished'"
                    + " WHERE status IN ('queued', 'running')");
                s.execute("CHECKPOINT SYNC");
            }
            lost(c, dir.resolve("runs.ids"), warnings);
            FileChannel ids = FileChannel.open(dir.resolve("runs.ids"), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new RunStore(c, ids, warnings);
        } catch (SQLException e) {
            throw new IOException("cannot open the run history in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The one-line message for a history another server has open (H2 locks the file). */
    static String inUse(Path dir) {
        return "the run history in " + dir.toAbsolutePath() + " is in use by another her2sim server (one server per folder);"
            + " stop that server, or give this one its own folder with --data-dir DIR";
    }

    private static Connection connect(Path dir) throws SQLException {
        // async: files are not closed when a job thread that writes is interrupted (a cancel)
        String url = "jdbc:h2:async:" + dir.toAbsolutePath().resolve("runs") + ";WRITE_DELAY=0";
        Connection c = DriverManager.getConnection(url, "her2sim", "");
        c.setAutoCommit(true);
        return c;
    }

    /** Adds a warning naming the runs in the journal that the database no longer has. */
    private static void lost(Connection c, Path journal, List<String> warnings) throws SQLException, IOException {
        if (!Files.exists(journal)) {
            return;
        }
        Set<String> known = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM runs")) {
            while (r.next()) {
                known.add(r.getString(1));
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String id : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (!id.isBlank() && !known.contains(id.strip())) {
                missing.add(id.strip());
            }
        }
        if (!missing.isEmpty()) {
            List<String> shown = missing.stream().limit(20).toList();
            warnings.add("the run history lost " + missing.size() + " run" + (missing.size() == 1 ? "" : "s")
                + " (its file was damaged or truncated): " + String.join(", ", shown) + (missing.size() > shown.size() ? ", ..." : ""));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** What was lost when the history was opened (a damaged or truncated file), for the server's log. */
    List<String> warnings() {
        return warnings;
    }

    /** Makes every committed change durable: written to the file and synced. */
    private void sync() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    /** Records a new run, queued. */
    synchronized void insert(String id, String kind, String profile, List<String> therapies, long seed, String modelHash,
                             Map<String, Object> inputs) {
        String sql = "INSERT INTO runs (id, kind, status, created, profile, therapies, seed, model_hash, inputs) VALUES (?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, id);
            p.setString(2, kind);
            p.setString(3, "queued");
            p.setLong(4, System.currentTimeMillis());
            p.setString(5, cut(profile, 200));
            p.setString(6, cut(String.join(", ", therapies), 1000));
            p.setLong(7, seed);
            p.setString(8, modelHash);
            p.setString(9, Json.write(inputs));
            p.executeUpdate();
            sync();
            ids.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8)));
            ids.force(false);
        } catch (IOException e) {
            throw new IllegalStateException("run history journal: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("run history: " + e.getMessage(), e);
        }
    }

    /** Marks a run as running. */
    synchronized void started(String id) {
        try (PreparedStatement p = db.prepareStatement("UPDATE runs SET status = 'running', started = ? WHERE id = ?")) {
            p.setLong(1, System.currentTimeMillis());
            p.setString(2, id);
            p.executeUpdate();
            sync();
        } catch (SQLException e) {
            throw new IllegalStateException("run history: " + e.getMessage(), e);
        }
    }

    /** Records how a run ended: its status, and its result or error. */
    synchronized void finish(String id, String status, Map<String, Object> result, String summary, String error) {
        String sql = "UPDATE runs SET status = ?, finished = ?, result = ?, summary = ?, error = ? WHERE id = ?";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, status);
            p.setLong(2, System.currentTimeMillis());
            if (result == null) {
                p.setNull(3, Types.CLOB);
            } else {
                p.setString(3, Json.write(result));
            }
            p.setString(4, cut(summary, 500));
            p.setString(5, cut(error, 4000));
            p.setString(6, id);
            p.executeUpdate();
            sync();
        } catch (SQLException e) {
            throw new IllegalStateException("run history: " + e.getMessage(), e);
        }
    }

    /** The newest runs first, without inputs and results. */
    synchronized List<Map<String, Object>> list(int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT " + COLUMNS + " FROM runs ORDER BY created DESC, id LIMIT ?")) {
            p.setInt(1, limit);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(row(r));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("run history: " + e.getMessage(), e);
        }
        return out;
    }

    /** A run with its inputs, result and error, or null. */
    synchronized Map<String, Object> get(String id) {
        try (PreparedStatement p = db.prepareStatement("SELECT " + COLUMNS + ", inputs, result, error FROM runs WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Map<String, Object> m = row(r);
                m.put("inputs", Json.readMap(r.getString("inputs")));
                String result = r.getString("result");
                m.put("result", result == null ? null : Json.readMap(result));
                m.put("error", r.getString("error"));
                return m;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("run history: " + e.getMessage(), e);
        }
    }

    /**
     * How long a run waited and ran, in milliseconds: waited from its creation to its start (or to
     * its end, when it was cancelled before it started); ran from its start to its end. Null where a
     * time is missing: a run not ended (or interrupted by a server stop), or one recorded before
     * start times were kept.
     */
    record Times(Long queuedMs, Long elapsedMs) { }

    /** The waiting and running times of a run, or null when there is no such run. */
    synchronized Times times(String id) {
        try (PreparedStatement p = db.prepareStatement("SELECT created, started, finished, status FROM runs WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                long created = r.getLong(1);
                long started = r.getLong(2);
                boolean hasStart = !r.wasNull();
                long finished = r.getLong(3);
                boolean hasEnd = !r.wasNull();
                if (!hasEnd) {
                    return new Times(null, null);
                }
                if (!hasStart) {
                    // cancelled while queued; a run that ended otherwise is from a history without start times
                    return r.getString(4).equals("cancelled") ? new Times(finished - created, 0L) : new Times(null, null);
                }
                return new Times(started - created, finished - started);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("run history: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> row(ResultSet r) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.getString("id"));
        m.put("kind", r.getString("kind"));
        m.put("status", r.getString("status"));
        m.put("created", Instant.ofEpochMilli(r.getLong("created")).toString());
        long f = r.getLong("finished");
        m.put("finished", r.wasNull() ? null : Instant.ofEpochMilli(f).toString());
        m.put("profile", r.getString("profile"));
        m.put("therapies", r.getString("therapies"));
        m.put("seed", r.getLong("seed"));
        m.put("modelHash", r.getString("model_hash"));
        m.put("summary", r.getString("summary"));
        return m;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Closes the database cleanly. */
    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing is best effort: every change was committed already
        }
        try {
            ids.close();
        } catch (IOException e) {
            // as above
        }
    }

    /** Stops the database as a crash would, for tests: no clean close. */
    synchronized void crash() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            // the connection goes away with the database
        }
    }
}
