// SPDX-License-Identifier: Apache-2.0
package org.her2sim.formats.ginml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.her2sim.engine.model.ModelException;
import org.her2sim.formats.ModelDocument;
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
}
