// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run history: one row per run in an embedded H2 database file ({@code runs.mv.db} in the
 * data folder). Every change is its own transaction, written to the file before the call returns,
 * so a killed server keeps every finished run; runs it left queued or running are marked
 * {@code interrupted} when the store is opened again.
 */
final class RunStore implements AutoCloseable {
    private static final String COLUMNS = "id, kind, status, created, finished, profile, therapies, seed, model_hash, summary";
    private final Connection db;

    private RunStore(Connection db) {
        this.db = db;
    }

    /** Opens (or creates) the store in a folder. @throws IOException when the folder or database cannot be opened */
    static RunStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        // async: files are not closed when a job thread that writes is interrupted (a cancel); WRITE_DELAY=0 writes each commit at once
        String url = "jdbc:h2:async:" + dir.toAbsolutePath().resolve("runs") + ";WRITE_DELAY=0";
        try {
            Connection c = DriverManager.getConnection(url, "her2sim", "");
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS runs (id VARCHAR(64) PRIMARY KEY, kind VARCHAR(16) NOT NULL,"
                    + " status VARCHAR(16) NOT NULL, created BIGINT NOT NULL, finished BIGINT, profile VARCHAR(200),"
                    + " therapies VARCHAR(1000), seed BIGINT, model_hash VARCHAR(64), summary VARCHAR(500), inputs CLOB, result CLOB,"
                    + " error VARCHAR(4000))");
                s.execute("CREATE INDEX IF NOT EXISTS runs_created ON runs(created)");
                s.executeUpdate("UPDATE runs SET status = 'interrupted', error = 'the server stopped before the run finished'"
                    + " WHERE status IN ('queued', 'running')");
            }
            return new RunStore(c);
        } catch (SQLException e) {
            throw new IOException("cannot open the run history in " + dir + ": " + e.getMessage(), e);
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
        } catch (SQLException e) {
            throw new IllegalStateException("run history: " + e.getMessage(), e);
        }
    }

    /** Marks a run as running. */
    synchronized void started(String id) {
        try (PreparedStatement p = db.prepareStatement("UPDATE runs SET status = 'running' WHERE id = ?")) {
            p.setString(1, id);
            p.executeUpdate();
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
