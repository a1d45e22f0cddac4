package dev.resface.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.report.LossChart.Point;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossChartTest {
    private static Map<String, List<Point>> sample() {
        Map<String, List<Point>> m = new LinkedHashMap<>();
        for (String name : List.of("loss_D", "loss_G0_gan", "loss_G0_l1", "loss_G1_gan", "lr")) {
            List<Point> pts = new ArrayList<>();
            for (int i = 0; i <= 50; i++) {
                pts.add(new Point(i * 20L, 1.0 / (1 + i * 0.1) + 0.05 * Math.sin(i + name.length())));
            }
            m.put(name, pts);
        }
        return m;
    }

    @Test
    void writesPngOfRequestedSize(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        new LossChart(640, 420).smoothing(5).title("losses").save(png, LossChart.panelsByPrefix(sample()));
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(420);
        // something other than the white background was drawn
        boolean nonWhite = false;
        for (int y = 0; y < img.getHeight() && !nonWhite; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    nonWhite = true;
                    break;
                }
            }
        }
        assertThat(nonWhite).isTrue();
    }

    @Test
    void copesWithEmptyConstantAndNonFiniteSeries() {
        Map<String, List<Point>> m = new LinkedHashMap<>();
        m.put("loss_D", List.of());
        m.put("loss_G0", List.of(new Point(5, 2.0)));
        m.put("loss_G1", List.of(new Point(0, 1.0), new Point(1, Double.NaN), new Point(2, Double.POSITIVE_INFINITY),
                new Point(3, 1.0)));
        var img = new LossChart(300, 200).render(LossChart.panelsByPrefix(m));
        assertThat(img.width()).isEqualTo(300);
        assertThat(img.height()).isEqualTo(200);
    }

    @Test
    void groupsPanelsByLossPrefix() {
        List<LossChart.Panel> panels = LossChart.panelsByPrefix(sample());
        assertThat(panels).extracting(LossChart.Panel::title).containsExactly("D", "G0", "G1", "other");
        assertThat(panels.get(1).series()).extracting(LossChart.Series::name)
                .containsExactly("loss_G0_gan", "loss_G0_l1");
    }

    @Test
    void trailingMovingAverage() {
        // window 2: [1, (1+2)/2, (2+3)/2, (3+4)/2]
        assertThat(LossChart.movingAverage(new double[] {1, 2, 3, 4}, 2)).containsExactly(1, 1.5, 2.5, 3.5);
        // NaN is skipped and stays NaN: window 2 over finite values 1, 3, 5
        double[] out = LossChart.movingAverage(new double[] {1, Double.NaN, 3, 5}, 2);
        assertThat(out[0]).isEqualTo(1);
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isEqualTo(2);
        assertThat(out[3]).isEqualTo(4);
    }

    @Test
    void niceTicksAndLabels() {
        assertThat(LossChart.niceTicks(0, 10, 5)).containsExactly(0, 2, 4, 6, 8, 10);
        // range 0.79 / 4 ticks = 0.1975 => step 0.2
        assertThat(LossChart.niceTicks(0.13, 0.92, 4)).hasSize(6);
        assertThat(LossChart.niceTicks(0.13, 0.92, 4)[1]).isCloseTo(0.2, within(1e-12));
        // range 1 / 4 = 0.25 => step 0.25
        double[] t = LossChart.niceTicks(0, 1, 4);
        assertThat(t).hasSize(5);
        assertThat(t[1]).isCloseTo(0.25, within(1e-12));
        assertThat(LossChart.formatValue(t[2], t)).isEqualTo("0.50");
        assertThat(LossChart.formatValue(0.25, t)).isEqualTo("0.25");
        assertThat(LossChart.formatIteration(12500)).isEqualTo("12.5k");
        assertThat(LossChart.formatIteration(2_000_000)).isEqualTo("2M");
        assertThat(LossChart.formatIteration(40)).isEqualTo("40");
    }
}
