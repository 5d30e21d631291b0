package dev.sessionstore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    @Test
    void render_isWellFormedSvgWithALegendEntryPerStoreAndAPanelPerThreadCount() throws Exception {
        String svg = SvgChart.render(Fixtures.result(1_000), "title & more");

        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("title &amp; more");
        for (String store : Options.ALL_STORES) {
            assertThat(svg).contains(">" + store + "</text>");
        }
        assertThat(svg).contains(">1 thread</text>").contains(">16 threads</text>");
        assertThat(svg).contains("operations per second (log scale)");
    }

    @Test
    void render_drawsABarPerMeasuredFigureAndMarksMissingOnes() {
        String svg = SvgChart.render(Fixtures.result(1_000), "t");

        long bars = svg.lines()
                .filter(l -> l.startsWith("<rect x=") && l.contains("<title>"))
                .count();
        assertThat(bars).isEqualTo(2 * (5 * 5 - 1));
        assertThat(svg).contains(">n/a</text>");
    }

    @Test
    void range_spansWholeDecadesAroundTheFigures() {
        double[] range = SvgChart.range(Fixtures.result(1_000));
        // smallest min: 1,000 × 0.9 = 900; largest max: 1,000 × 5 × 16 × 1.1 = 88,000
        assertThat(range[0]).isEqualTo(100.0);
        assertThat(range[1]).isEqualTo(100_000.0);
    }

    @Test
    void y_isLogarithmic_soEachDecadeTakesTheSameHeight() {
        double[] range = {100, 100_000};
        int a = SvgChart.y(100, range);
        int b = SvgChart.y(1_000, range);
        int c = SvgChart.y(10_000, range);
        assertThat(a - b).isEqualTo(b - c).isPositive();
    }

    @Test
    void humanize_usesThousandsAndMillions() {
        assertThat(SvgChart.humanize(100)).isEqualTo("100");
        assertThat(SvgChart.humanize(10_000)).isEqualTo("10k");
        assertThat(SvgChart.humanize(1_000_000)).isEqualTo("1M");
    }

    @Test
    void footer_namesRunsMachineAndDate() {
        var r = Fixtures.result(1_000);
        assertThat(SvgChart.footer(r)).isEqualTo("Median of 3 interleaved runs. test CPU, 2 cores (nproc); ?; ?.");
    }
}
