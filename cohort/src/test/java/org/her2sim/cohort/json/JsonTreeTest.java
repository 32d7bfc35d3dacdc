// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cohort.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
    record Inner(@JsonTree.Key("clone") String name, long patients) { }

    record Outer(String title, int n, double rate, Optional<String> note, List<Double> interval, List<Inner> inner, Map<String, Long> counts,
                 boolean flag) { }

    record Flat(@JsonTree.Inline Map<String, String> run, long rows) { }

    record Bad(Object value) { }

    @Test
    void componentsInOrderOptionalsLeftOutNullsKept() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("PD", 2L);
        counts.put("CR", 1L);
        Outer o = new Outer("t", 3, Double.NaN, Optional.empty(), null, List.of(new Inner("founder", 4)), counts, true);
        Map<String, Object> m = JsonTree.of(o);
        assertThat(m).containsOnlyKeys("title", "n", "rate", "interval", "inner", "counts", "flag");
        assertThat(List.copyOf(m.keySet())).containsExactly("title", "n", "rate", "interval", "inner", "counts", "flag");
        assertThat(m.get("interval")).isNull();
        assertThat(m.get("inner")).isEqualTo(List.of(Map.of("clone", "founder", "patients", 4L)));
        assertThat(((Map<?, ?>) m.get("counts")).keySet().stream().map(String::valueOf).toList()).containsExactly("PD", "CR");
        assertThat(JsonTree.text(o)).isEqualTo("""
            {
              "title": "t",
              "n": 3,
              "rate": null,
              "interval": null,
              "inner": [
                {
                  "clone": "founder",
                  "patients": 4
                }
              ],
              "counts": {
                "PD": 2,
                "CR": 1
              },
              "flag": true
            }
            """);
        assertThat(JsonTree.of(new Outer("t", 3, 0.5, Optional.of("n"), List.of(0.25, 0.75), List.of(), Map.of(), false)))
            .containsEntry("note", "n").containsEntry("interval", List.of(0.25, 0.75));
    }

    @Test
    void anInlineMapTakesTheRecordsPlaceAndALaterKeyReplacesItsEntry() {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("seed", "7");
        run.put("rows", "stale");
        run.put("model", "bundled");
        assertThat(JsonTree.text(new Flat(run, 40))).isEqualTo("{\n  \"seed\": \"7\",\n  \"rows\": 40,\n  \"model\": \"bundled\"\n}\n");
    }

    @Test
    void aListOfRecordsIsAnArray() {
        assertThat(JsonTree.text(List.of(new Inner("a", 1), new Inner("b", 2)))).startsWith("[\n  {\n    \"clone\": \"a\",");
    }

    @Test
    void whatHasNoJsonFormIsRefused() {
        assertThatThrownBy(() -> JsonTree.of("text")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a result record");
        assertThatThrownBy(() -> JsonTree.of(new Bad(new Object()))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no JSON form for java.lang.Object");
    }
}
