// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2;

import org.her2sim.her2.predict.Predictor;

/** A prediction listener that keeps the announced total and counts the simulations done. */
final class CountingListener implements Predictor.Listener {
    int total = -1;
    int done;

    @Override
    public void start(int n) {
        total = n;
    }

    @Override
    public void done() {
        done++;
    }
}
