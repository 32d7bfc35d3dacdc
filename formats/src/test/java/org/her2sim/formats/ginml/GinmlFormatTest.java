// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.ginml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import org.her2sim.engine.bnd.BndParser;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.formats.ModelDocument;
import org.her2sim.formats.ModelDocument.Position;
import org.her2sim.formats.analysis.StableStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GINML read by our own parser: expression and logical-parameter styles, inputs, and refusals. */
class GinmlFormatTest {
    @TempDir
    Path dir;

    ModelDocument read(String xml) throws Exception {
        Path p = dir.resolve("m.ginml");
        Files.writeString(p, xml);
        return new GinmlFormat().reader().orElseThrow().read(p);
    }

    @Test
    void logicalParametersAndExpressionsAndInputs() throws Exception {
        ModelDocument d = read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE gxl SYSTEM "http://ginsim.org/GINML_2_2.dtd">
            <gxl xmlns:xlink="http://www.w3.org/1999/xlink">
              <graph class="regulatory" id="m" nodeorder="I A B">
                <node id="I" maxvalue="1" input="true"/>
                <node id="A" maxvalue="1">
                  <parameter idActiveInteractions="I:A" val="1"/>
                  <parameter idActiveInteractions="I:A B:A" val="1"/>
                  <parameter idActiveInteractions="B:A" val="1"/>
                </node>
                <node id="B" maxvalue="1">
                  <value val="1"><exp str="A &amp; !I"/></value>
                </node>
                <edge id="I:A" from="I" to="A" minvalue="1" sign="positive"/>
                <edge id="B:A" from="B" to="A" minvalue="1" sign="positive"/>
                <edge id="A:B" from="A" to="B" minvalue="1" sign="positive"/>
                <edge id="I:B" from="I" to="B" minvalue="1" sign="negative"/>
              </graph>
            </gxl>
            """);
        assertThat(d.network().nodes()).extracting(n -> n.name()).containsExactly("I", "A", "B");
        var lm = d.toLogicalModel();
        // A = I | B; B = A & !I: I=1 gives A=1,B=0; I=0 gives A=B=0 or A=B=1
        assertThat(StableStates.of(lm, "m").patterns()).containsExactly("000", "011", "110");
    }

    @Test
    void multiValuedNodeIsRefusedNamingFileAndNode() {
        assertThatThrownBy(() -> read("""
            <gxl><graph class="regulatory" id="m" nodeorder="X"><node id="X" maxvalue="2"/></graph></gxl>
            """)).isInstanceOf(ModelException.class).hasMessageContaining("m.ginml: node X").hasMessageContaining("multi-valued");
    }

    @Test
    void malformedXmlAndUnknownNamesAreErrorsNamingTheFile() {
        assertThatThrownBy(() -> read("<gxl><graph>")).isInstanceOf(ModelException.class).hasMessageContaining("m.ginml");
        assertThatThrownBy(() -> read("""
            <gxl><graph class="regulatory" id="m"><node id="X"><value val="1"><exp str="Y &amp; "/></value></node></graph></gxl>
            """)).isInstanceOf(ModelException.class).hasMessageContaining("m.ginml: node X");
    }

    static ModelDocument roundTrip(Path dir, ModelDocument d, String file) throws Exception {
        Path out = dir.resolve(file);
        GinmlFormat f = file.endsWith(".zginml") ? null : new GinmlFormat();
        var writer = f != null ? f.writer().orElseThrow() : new GinmlFormat.Zipped().writer().orElseThrow();
        try (AtomicOutputs outs = new AtomicOutputs()) {
            writer.write(d, out, outs);
            outs.commit();
        }
        return (f != null ? f.reader() : new GinmlFormat.Zipped().reader()).orElseThrow().read(out);
    }

    @Test
    void automaticLayoutPlacesEveryNodeApartWithInputsOnTop() throws Exception {
        // a 30-node chain fed by two inputs, plus a feedback loop, written from a network without positions
        StringBuilder bnd = new StringBuilder("node In1 { }\nnode In2 { }\nN0 : In1 | In2\n");
        for (int i = 1; i < 30; i++) {
            bnd.append("N").append(i).append(" : N").append(i - 1).append(i % 7 == 0 ? " & !N29" : "").append("\n");
        }
        ModelDocument d = ModelDocument.of(BndParser.parse("chain.bnd", bnd.toString()));
        ModelDocument back = roundTrip(dir, d, "chain.ginml");
        Map<String, Position> at = back.layout();
        assertThat(at).hasSize(32);
        assertThat(new HashSet<>(at.values())).as("no two nodes at one place").hasSize(32);
        for (Position p : at.values()) {
            for (Position q : at.values()) {
                if (p != q) {
                    // node boxes (at most 120 x 60 pixels) do not overlap
                    assertThat(Math.abs(p.x() - q.x()) >= 120 || Math.abs(p.y() - q.y()) >= 60).isTrue();
                }
            }
        }
        assertThat(at.get("In1").y()).isEqualTo(at.get("In2").y()).isLessThan(at.get("N0").y());
        assertThat(at.get("N0").y()).isLessThan(at.get("N5").y());
        String xml = Files.readString(dir.resolve("chain.ginml"));
        assertThat(xml).contains("<nodevisualsetting x=\"");
    }

    @Test
    void positionsReadFromGinmlAreKeptThroughGinmlAndZginml() throws Exception {
        ModelDocument d = read("""
            <gxl><graph class="regulatory" id="m" nodeorder="A B C">
              <node id="A" maxvalue="1"><value val="1"><exp str="B"/></value><nodevisualsetting x="10" y="400" style=""/></node>
              <node id="B" maxvalue="1"><value val="1"><exp str="A"/></value>
                <nodevisualsetting><ellipse x="333.4" y="20" width="50" height="25"/></nodevisualsetting></node>
              <node id="C" maxvalue="1"><value val="1"><exp str="A &amp; B"/></value></node>
            </graph></gxl>
            """);
        assertThat(d.layout()).containsEntry("A", new Position(10, 400)).containsEntry("B", new Position(333, 20)).doesNotContainKey("C");
        ModelDocument once = roundTrip(dir, d, "once.ginml");
        assertThat(once.layout()).containsEntry("A", new Position(10, 400)).containsEntry("B", new Position(333, 20));
        // C had no position: it goes below the others
        assertThat(once.layout().get("C").y()).isGreaterThan(400);
        ModelDocument twice = roundTrip(dir, once, "twice.zginml");
        assertThat(twice.layout()).isEqualTo(once.layout());
    }
}
