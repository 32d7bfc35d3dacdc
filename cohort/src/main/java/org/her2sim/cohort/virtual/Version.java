// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.virtual;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The her2sim version, from the build ({@code cohort/version.properties}). */
public final class Version {
    private Version() {
    }

    /** {@code her2sim 0.1.0-SNAPSHOT}, or {@code her2sim unknown} outside a Maven build. */
    public static String text() {
        try (InputStream in = Version.class.getClassLoader().getResourceAsStream("cohort/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return "her2sim " + (v.startsWith("${") ? "unknown" : v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
