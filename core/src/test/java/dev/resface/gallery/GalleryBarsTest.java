package dev.resface.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.data.FaceAttribute;
import dev.resface.experiment.RunResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GalleryBarsTest {
    private static RunResult run(long seed, Double success, double gain, double remnant, double outside) {
        Map<String, Double> m = new HashMap<>();
        m.put("success", success);
        m.put("truth_gain_db", gain);
        m.put("remnant", remnant);
        m.put("mae_outside", outside);
        return new RunResult("Smiling", seed, 1000, 60, m, m);
    }

    @Test
    void theWorstSeedIsJudgedAgainstEveryBar() {
        List<RunResult> good = List.of(run(1, 1.0, 3.0, 0.30, 1.0), run(2, 0.95, 2.0, 0.45, 1.4));
        assertThat(GalleryBars.DEFAULT.shortOf(FaceAttribute.SMILING, good, "add")).isEmpty();

        // One seed's success of 0.85 and remnant of 0.5 (the bar is "under 0.5") fail; the other seed cannot save them.
        List<RunResult> mixed = List.of(run(1, 1.0, 3.0, 0.30, 1.0), run(2, 0.85, 1.0, 0.5, 1.6));
        assertThat(GalleryBars.DEFAULT.shortOf(FaceAttribute.SMILING, mixed, "remove"))
                .containsExactly("success 0.850 < 0.900", "remnant 0.500 > 0.500", "mae_outside 1.60 > 1.50");
        // A global attribute is not held to the outside bar: its edit may change the whole face.
        assertThat(GalleryBars.DEFAULT.shortOf(FaceAttribute.YOUNG, mixed, "remove"))
                .containsExactly("success 0.850 < 0.900", "remnant 0.500 > 0.500");
        // A score that was not measured is no pass.
        assertThat(GalleryBars.DEFAULT.shortOf(FaceAttribute.SMILING, List.of(run(1, null, 3.0, 0.3, 1.0)), "add"))
                .containsExactly("success not measured");
    }
}
