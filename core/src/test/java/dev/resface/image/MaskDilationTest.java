package dev.resface.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskDilationTest {
    private static boolean[] parse(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = rows[y].charAt(x) == '#';
            }
        }
        return m;
    }

    @Test
    void dilationWithSquareElement() {
        boolean[] centre = parse(
                ".....",
                ".....",
                "..#..",
                ".....",
                ".....");
        assertThat(MaskDilation.dilate(centre, 5, 5, 1)).containsExactly(parse(
                ".....",
                ".###.",
                ".###.",
                ".###.",
                "....."));
        assertThat(MaskDilation.dilate(centre, 5, 5, 0)).containsExactly(centre);
        assertThat(MaskDilation.dilate(centre, 5, 5, 2)).containsExactly(parse(
                "#####", "#####", "#####", "#####", "#####"));
        // non-square 6x3, corner pixel and an edge pixel, radius 1
        boolean[] m = parse(
                "#.....",
                "......",
                "....#.");
        assertThat(MaskDilation.dilate(m, 6, 3, 1)).containsExactly(parse(
                "##....",
                "##.###",
                "...###"));
        assertThat(MaskDilation.dilate(m, 6, 3, 10)).containsExactly(parse(
                "######", "######", "######"));
        assertThatThrownBy(() -> MaskDilation.dilate(m, 5, 3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaskDilation.dilate(m, 6, 3, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The iterated 3x3 dilation SynthFaces used to draw with: the square element must give the same masks. */
    @Test
    void equalsRepeatedThreeByThreeDilation() {
        Random random = new Random(7);
        boolean[] m = new boolean[13 * 9];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextInt(12) == 0;
        }
        boolean[] repeated = m;
        for (int r = 1; r <= 3; r++) {
            repeated = MaskDilation.dilate(repeated, 13, 9, 1);
            assertThat(MaskDilation.dilate(m, 13, 9, r)).containsExactly(repeated);
        }
    }
}
