// SPDX-License-Identifier: Apache-2.0
package org.her2sim.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.her2sim.engine.stats.ProbTraj;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Node probabilities, node selection, and the SVG and PNG charts of {@link PlotWriter}. */
class PlotWriterTest {

    // Probabilities are binary fractions, so the expected sums are exact.
    private static ProbTraj sample() {
        return traj(
            window(0.0, new String[] {"<nil>", "A"}, new double[] {0.75, 0.25}),
            window(0.5, new String[] {"<nil>", "A", "A -- B", "B"}, new double[] {0.125, 0.5, 0.25, 0.125}),
            window(1.0, new String[] {"A -- B", "B -- C"}, new double[] {0.375, 0.625}));
    }

    private static ProbTraj traj(ProbTraj.Window... ws) {
        return new ProbTraj(100, 0, List.of(ws));
    }

    private static ProbTraj.Window window(double t, String[] states, double[] proba) {
        return new ProbTraj.Window(t, 0, 0, 0, new double[] {1}, states, proba, new double[proba.length]);
    }

    @Test
    void nodeProbabilitiesSumTheStatesContainingTheNode() {
        double[][] p = PlotWriter.nodeProbabilities(sample(), List.of("A", "B", "C", "Z"));
        assertThat(p).hasDimensions(4, 3);
        assertThat(p[0]).containsExactly(0.25, 0.75, 0.375);
        assertThat(p[1]).containsExactly(0.0, 0.375, 1.0);
        assertThat(p[2]).containsExactly(0.0, 0.0, 0.625);
        assertThat(p[3]).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void nodeNamesMatchWholeNamesOnly() {
        ProbTraj pt = traj(window(0, new String[] {"AB -- B", "A", "XA"}, new double[] {0.5, 0.25, 0.125}));
        double[][] p = PlotWriter.nodeProbabilities(pt, List.of("A", "AB", "B", "A -- B", "<nil>"));
        assertThat(p[0]).containsExactly(0.25);
        assertThat(p[1]).containsExactly(0.5);
        assertThat(p[2]).containsExactly(0.5);
        assertThat(p[3]).containsExactly(0.0);
        assertThat(p[4]).containsExactly(0.0);
    }

    @Test
    void repeatedRequestedNodesGetIdenticalRows() {
        double[][] p = PlotWriter.nodeProbabilities(sample(), List.of("B", "A", "B"));
        assertThat(p[0]).containsExactly(0.0, 0.375, 1.0);
        assertThat(p[1]).containsExactly(0.25, 0.75, 0.375);
        assertThat(p[2]).containsExactly(0.0, 0.375, 1.0);
    }

    @Test
    void activeNodesAreSortedAndExcludeNil() {
        assertThat(PlotWriter.activeNodes(sample())).containsExactly("A", "B", "C");
        assertThat(PlotWriter.activeNodes(traj(window(0, new String[] {"<nil>"}, new double[] {1})))).isEmpty();
    }

    @Test
    void defaultSelectionKeepsTheTwelveHighestPeaksInNameOrder() {
        // N00..N13, one state each; N05 and N09 have the lowest peaks
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            states.add(String.format(Locale.ROOT, "N%02d", i));
        }
        double[] p0 = new double[14];
        double[] p1 = new double[14];
        for (int i = 0; i < 14; i++) {
            p0[i] = 1.0 / 16;
            p1[i] = 1.0 / 32;
        }
        p0[5] = 1.0 / 64;
        p1[9] = 1.0 / 128;
        p0[9] = 1.0 / 128;
        p1[3] = 0.125; // a late peak still counts
        String[] s = states.toArray(String[]::new);
        ProbTraj pt = traj(window(0, s, p0), window(1, s, p1));

        List<String> chosen = PlotWriter.plottedNodes(pt, List.of());
        assertThat(chosen).hasSize(12).isSorted().doesNotContain("N05", "N09").contains("N03", "N13");
        assertThat(PlotWriter.plottedNodes(pt, List.of("N09", "N00"))).containsExactly("N09", "N00");
        assertThat(PlotWriter.plottedNodes(sample(), List.of())).containsExactly("A", "B", "C");
    }

    @Test
    void svgHasOnePolylinePerNodeAndALegend() throws Exception {
        String svg = svg(sample(), List.of("A", "B", "C"), "HER2 <test> & co");
        Document doc = parse(svg);
        NodeList lines = doc.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(3);
        assertThat(svg.split("<polyline", -1)).hasSize(4);

        // distinct colours, one point per window
        List<String> strokes = new ArrayList<>();
        double[][] ys = new double[3][];
        for (int i = 0; i < 3; i++) {
            Element e = (Element) lines.item(i);
            strokes.add(e.getAttribute("stroke"));
            String[] pts = e.getAttribute("points").trim().split(" ");
            assertThat(pts).hasSize(3);
            ys[i] = new double[3];
            for (int w = 0; w < 3; w++) {
                ys[i][w] = Double.parseDouble(pts[w].split(",")[1]);
            }
        }
        assertThat(strokes).doesNotHaveDuplicates().allMatch(c -> c.matches("#[0-9a-f]{6}"));
        // B and C are both 0 at t=0; B reaches 1 at t=1, above A (0.375) and C (0.625); y grows downwards
        assertThat(ys[1][0]).isEqualTo(ys[2][0]).isGreaterThan(ys[0][0]);
        assertThat(ys[1][2]).isLessThan(ys[2][2]).isLessThan(ys[0][2]);
        assertThat(ys[1][1]).isLessThan(ys[1][0]);

        // legend names, title escaped, axis labels
        List<String> texts = new ArrayList<>();
        NodeList tn = doc.getElementsByTagName("text");
        for (int i = 0; i < tn.getLength(); i++) {
            texts.add(tn.item(i).getTextContent());
        }
        assertThat(texts).contains("A", "B", "C", "Time", "Probability", "HER2 <test> & co", "0.0", "1.0");
        assertThat(svg).contains("HER2 &lt;test&gt; &amp; co");
    }

    @Test
    void svgIsDeterministicAndLocaleIndependent() throws Exception {
        String first = svg(sample(), List.of(), "run");
        String second = svg(sample(), List.of(), "run");
        assertThat(second).isEqualTo(first);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(svg(sample(), List.of(), "run")).isEqualTo(first);
        } finally {
            Locale.setDefault(saved);
        }
        // empty node list: all active nodes
        assertThat(first.split("<polyline", -1)).hasSize(4);
        assertThat(first).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void svgCopesWithOneWindowAndWithNone() throws Exception {
        ProbTraj one = traj(window(2.0, new String[] {"A"}, new double[] {1.0}));
        assertThat(parse(svg(one, List.of(), "")).getElementsByTagName("polyline").getLength()).isEqualTo(1);
        String empty = svg(new ProbTraj(0, 0, List.of()), List.of(), "empty");
        assertThat(parse(empty).getElementsByTagName("polyline").getLength()).isZero();
        assertThat(empty).doesNotContain("NaN");
    }

    @Test
    void pngIsA1000By600NonBlankImage() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PlotWriter.png(bytes, sample(), List.of("A", "B", "C"), "HER2");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(1000);
        assertThat(img.getHeight()).isEqualTo(600);

        boolean nonWhite = false;
        boolean firstSeriesColour = false;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                nonWhite |= rgb != 0xffffff;
                firstSeriesColour |= rgb == 0x1f77b4;
            }
        }
        assertThat(nonWhite).isTrue();
        assertThat(firstSeriesColour).as("a pixel in the first palette colour").isTrue();
        assertThat(img.getRGB(2, 2) & 0xffffff).as("white background").isEqualTo(0xffffff);
    }

    @Test
    void extensions() {
        assertThat(PlotWriter.isSvg(Path.of("out", "plot.svg"))).isTrue();
        assertThat(PlotWriter.isSvg(Path.of("plot.SVG"))).isTrue();
        assertThat(PlotWriter.isSvg(Path.of("plot.png"))).isFalse();
        assertThat(PlotWriter.isSvg(Path.of("svg"))).isFalse();

        PlotWriter.checkExtension(Path.of("plot.png"));
        PlotWriter.checkExtension(Path.of("dir", "Plot.Svg"));
        assertThatThrownBy(() -> PlotWriter.checkExtension(Path.of("plot.pdf")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("plot.pdf").hasMessageContaining(".png").hasMessageContaining(".svg");
        assertThatThrownBy(() -> PlotWriter.checkExtension(Path.of("plot")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plot");
        assertThatThrownBy(() -> PlotWriter.checkExtension(Path.of("plot.svg.gz")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static String svg(ProbTraj pt, List<String> nodes, String title) throws Exception {
        StringWriter w = new StringWriter();
        PlotWriter.svg(w, pt, nodes, title);
        return w.toString();
    }

    // Parses the SVG, failing the test if it is not well-formed XML.
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }
}
