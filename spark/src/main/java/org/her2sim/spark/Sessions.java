// SPDX-License-Identifier: Apache-2.0
package org.her2sim.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts the Spark session her2sim runs on. */
public final class Sessions {
    private Sessions() {
    }

    /**
     * A session on {@code master}; when it is null, the master spark-submit set ({@code spark.master}),
     * else {@code local[*]}. A local master binds the driver to 127.0.0.1 unless {@code spark.driver.host}
     * is set. The web UI is off.
     */
    public static SparkSession start(String master) {
        SparkConf conf = new SparkConf(); // reads spark.* system properties, as spark-submit passes them
        String m = master != null ? master : conf.get("spark.master", "local[*]");
        conf.setMaster(m);
        conf.setIfMissing("spark.app.name", "her2sim");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.sql.shuffle.partitions", "4");
        if (m.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
