// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.validate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rule that put each validation row in the training or the test split, fixed before any fit: a
 * row is a test row when the first 8 hex digits of the SHA-256 of its id, read as a number, are
 * divisible by 3 (about a third of the rows). A new row takes the split the rule gives its id.
 */
public final class SplitRule {
    private SplitRule() {
    }

    /** {@code test} or {@code training}. */
    public static String of(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            long v = Long.parseLong(HexFormat.of().formatHex(h).substring(0, 8), 16);
            return v % 3 == 0 ? ValidationRow.TEST : ValidationRow.TRAINING;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
