package dev.resface.evaluation.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.landmarks.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceBoxCalibrationTest {
    /** A 68-point unit-box shape whose five CelebA points are exactly {@code five}. */
    static double[] meanShape(double[] five) {
        double[] p = new double[136];
        int[][] groups = {{36, 42}, {42, 48}, {30, 31}, {48, 49}, {54, 55}};
        for (int k = 0; k < 5; k++) {
            for (int i = groups[k][0]; i < groups[k][1]; i++) {
                p[2 * i] = five[2 * k];
                p[2 * i + 1] = five[2 * k + 1];
            }
        }
        return p;
    }

    static double[] place(double[] unit, double scale, double left, double top) {
        double[] out = new double[unit.length];
        for (int i = 0; i < unit.length; i += 2) {
            out[i] = left + scale * unit[i];
            out[i + 1] = top + scale * unit[i + 1];
        }
        return out;
    }

    @Test
    void recoversTheAverageBoxOfFacesPlacedExactly() {
        double[] unit = {0.3, 0.4, 0.7, 0.4, 0.5, 0.6, 0.35, 0.8, 0.65, 0.8};
        // faces exactly in boxes (10, 20) scale 60 and (14, 24) scale 64: the average box spans 62 px from (12, 22)
        List<double[]> faces = List.of(place(unit, 60, 10, 20), place(unit, 64, 14, 24));
        FaceBoxCalibration c = FaceBoxCalibration.fit(meanShape(unit), faces);
        assertThat(c.box()).isEqualTo(new Box(12, 22, 63, 63));
        assertThat(c.faces()).isEqualTo(2);
        assertThat(c.rmsPx()).isGreaterThan(0);

        FaceBoxCalibration exact = FaceBoxCalibration.fit(meanShape(unit), List.of(place(unit, 60, 10, 20)));
        assertThat(exact.box()).isEqualTo(new Box(10, 20, 61, 61));
        assertThat(exact.rmsPx()).isCloseTo(0, within(1e-9));
        assertThat(exact.describe(128)).contains("10,20 61x61").contains("128x128").contains("1 faces");
    }
}
