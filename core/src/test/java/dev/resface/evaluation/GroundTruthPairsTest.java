package dev.resface.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.synth.FaceRenderer;
import dev.resface.data.synth.SynthConfig;
import dev.resface.data.synth.SynthFaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthPairsTest {
    @Test
    void masksAreCroppedAsTheModelSeesThemAndAMissingCounterpartIsNamed(@TempDir Path set) throws IOException {
        SynthFaces.write(set, 2, 5);
        GroundTruthPairs pairs = new GroundTruthPairs(CelebaDataset.open(set), FaceAttribute.NO_BEARD,
                CropRecipe.PAPER, 64);
        boolean[] beard = FaceRenderer.maskBits(SynthFaces.params(5, 2, SynthConfig.defaults()),
                FaceAttribute.NO_BEARD);
        assertThat(pairs.mask(1, 0)).isEqualTo(paperCropAt64(beard));

        Path counterpart = set.resolve(SynthFaces.COUNTERPARTS).resolve("No_Beard").resolve("000002.png");
        Files.delete(counterpart);
        assertThatThrownBy(() -> pairs.counterpart(1)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(counterpart.toString()).hasMessageContaining("not found");
    }

    /** The paper's crop at 64 px: a crop pixel is set when any of the 2x2 source pixels under it is. */
    static boolean[] paperCropAt64(boolean[] source) {
        boolean[] out = new boolean[64 * 64];
        for (int v = 0; v < 64; v++) {
            for (int u = 0; u < 64; u++) {
                for (int k = 0; k < 4; k++) {
                    out[v * 64 + u] |= source[(45 + 2 * v + k / 2) * FaceRenderer.WIDTH + 25 + 2 * u + k % 2];
                }
            }
        }
        return out;
    }
}
