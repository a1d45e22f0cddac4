package dev.resface.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @Test
    void escapesText() {
        assertThat(HtmlReport.escape("a<b & \"c\" 'd'>")).isEqualTo("a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
        String html = new HtmlReport("R&D <run>")
                .heading("loss < 1")
                .paragraph("x & y")
                .table(List.of(List.of("metric", "value"), List.of("PSNR<edit>", "23.1")))
                .preformatted("if (a < b) {\n  x();\n}")
                .toHtml();
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("<title>R&amp;D &lt;run&gt;</title>");
        assertThat(html).contains("<h2>loss &lt; 1</h2>");
        assertThat(html).contains("<p>x &amp; y</p>");
        assertThat(html).contains("<tr><th>metric</th><th>value</th></tr>");
        assertThat(html).contains("<tr><td>PSNR&lt;edit&gt;</td><td>23.1</td></tr>");
        assertThat(html).contains("<pre>if (a &lt; b) {\n  x();\n}</pre>");
        assertThat(html).doesNotContain("<run>").doesNotContain("<edit>");
    }

    @Test
    void imagesAreRelativeAndEncoded() {
        String html = new HtmlReport("t").image("samples/iter 100\"x.png", "grid <100>").toHtml();
        assertThat(html).contains("<img src=\"samples/iter%20100%22x.png\" alt=\"grid &lt;100&gt;\">");
        assertThat(html).contains("<figcaption>grid &lt;100&gt;</figcaption>");
        assertThatThrownBy(() -> new HtmlReport("t").image("/abs/x.png", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HtmlReport("t").image("javascript:alert(1)", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesUtf8File(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out/report.html");
        new HtmlReport("résumé").paragraph("ünïcode").write(f);
        String read = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(read).contains("<meta charset=\"utf-8\">").contains("<p>ünïcode</p>");
    }
}
