package dev.resface.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import dev.resface.report.LossChart.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {
    @Test
    void parsesNumericSeries(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"iteration\":10,\"loss_D\":1.25,\"loss_G0\":0.5,\"phase\":\"train\"}",
                "",
                "{\"iteration\":20,\"loss_D\":1.0,\"loss_G0\":0.25,\"loss_G1\":NaN,\"extra\":{\"a\":1}}",
                "{\"iteration\":30,\"loss_D\":0.75}",
                ""));
        Map<String, List<Point>> s = MetricsLog.read(f);
        assertThat(s.keySet()).containsExactly("loss_D", "loss_G0", "loss_G1");
        assertThat(s.get("loss_D")).containsExactly(new Point(10, 1.25), new Point(20, 1.0), new Point(30, 0.75));
        assertThat(s.get("loss_G0")).containsExactly(new Point(10, 0.5), new Point(20, 0.25));
        assertThat(s.get("loss_G1")).hasSize(1);
        assertThat(s.get("loss_G1").get(0).value()).isNaN();
    }

    @Test
    void malformedLineNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.jsonl");
        Files.writeString(f, "{\"iteration\":10,\"loss_D\":1.2}\n\n{\"iteration\":20,\"loss_D\":\n");
        assertThatThrownBy(() -> MetricsLog.read(f))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(f + ":3: ")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void missingOrFractionalIterationIsRejected(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.jsonl");
        Files.writeString(f, "{\"loss_D\":1.2}\n");
        assertThatThrownBy(() -> MetricsLog.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":1: missing numeric \"iteration\"");
        Files.writeString(f, "{\"iteration\":1,\"loss_D\":1}\n{\"iteration\":2.5,\"loss_D\":1}\n");
        assertThatThrownBy(() -> MetricsLog.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(f + ":2: ");
        Files.writeString(f, "[1,2]\n");
        assertThatThrownBy(() -> MetricsLog.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":1: expected a JSON object per line");
    }

    @Test
    void missingFileIsBadInput(@TempDir Path dir) {
        Path f = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> MetricsLog.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nope.jsonl");
    }
}
