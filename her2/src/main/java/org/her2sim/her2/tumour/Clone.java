// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.tumour;

import java.util.List;

/**
 * A clone: the mechanisms active in its cells (the profile's and any acquired), and its size.
 *
 * @param acquired the mechanisms gained during the run, in order
 */
record Clone(List<String> mechanisms, List<String> acquired, double cells) {
    Clone withCells(double n) {
        return new Clone(mechanisms, acquired, n);
    }

}
