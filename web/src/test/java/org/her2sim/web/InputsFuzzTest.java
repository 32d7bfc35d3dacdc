// SPDX-License-Identifier: Apache-2.0
package org.her2sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for each JSON request body: any body is taken or refused with a 4xx
 * {@link ApiException}; nothing else may escape (it would be a 500). The normal test run replays
 * {@code src/test/resources/org/her2sim/web/InputsFuzzTestInputs}.
 */
class InputsFuzzTest {
    private static final WebConfig CONFIG = WebConfig.defaults().withLimits(400, 2, 20, 120, 100_000);
    private static final ModelService MODEL = model();

    private static ModelService model() {
        try {
            return ModelService.bundled(CONFIG);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface Reader {
        Object read(String body, ModelService model, WebConfig config);
    }

    private static void read(byte[] data, Reader reader) {
        try {
            reader.read(new String(data, StandardCharsets.UTF_8), MODEL, CONFIG);
        } catch (ApiException e) {
            assertThat(e.status()).isBetween(400, 499);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    void predict(byte[] data) {
        read(data, Inputs::predict);
    }

    @FuzzTest
    void treat(byte[] data) {
        read(data, Inputs::treat);
    }

    @FuzzTest
    void cohort(byte[] data) {
        read(data, CohortInputs::cohort);
    }

    @FuzzTest
    void screen(byte[] data) {
        read(data, CohortInputs::screen);
    }
}
