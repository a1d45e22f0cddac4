package dev.resface.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CelebaLayout;
import dev.resface.data.CropRecipe;
import dev.resface.data.synth.FaceRenderer;
import dev.resface.data.synth.SynthConfig;
import dev.resface.data.synth.SynthFaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HairRegionTest {
    private static final long SEED = 3;
    private static final int SIZE = 64;

    @TempDir
    Path set;

    @BeforeEach
    void drawFaces() throws IOException {
        SynthFaces.write(set, 3, SEED);
    }

    private HairRegion region() {
        return new HairRegion(CelebaDataset.open(set), CropRecipe.PAPER, SIZE);
    }

    private Path hairMasks() {
        return set.resolve(SynthFaces.MASKS).resolve(SynthFaces.HAIR_MASK);
    }

    @Test
    void readsTheDatasetsHairMasksCroppedAsTheModelSeesThem() {
        HairRegion region = region();
        boolean[] expected = GroundTruthPairsTest.paperCropAt64(
                FaceRenderer.hairBits(SynthFaces.params(SEED, 2, SynthConfig.defaults())));
        assertThat(region.of(1)).isEqualTo(expected);
        assertThat(count(expected)).as("hair pixels at 64 px").isBetween(600, 2500);
        assertThat(region.source()).contains("masks/Hair/");
    }

    @Test
    void withoutHairMasksFallsBackToTheLandmarksThenToNone() throws IOException {
        delete(hairMasks());
        CelebaDataset dataset = CelebaDataset.open(set);
        HairRegion region = region();
        boolean[] hair = region.of(1);
        assertThat(hair).isEqualTo(AttributeRegion.hair(dataset.landmarks(1).orElseThrow()
                .inCrop(CropRecipe.PAPER, SIZE), SIZE, SIZE));
        // the crop's top centre is above the eyes (row 33 at 64 px), its centre is the nose
        assertThat(hair[2 * SIZE + 32]).isTrue();
        assertThat(hair[45 * SIZE + 32]).isFalse();
        assertThat(region.source()).contains("landmarks");

        Files.delete(new CelebaLayout(set).landmarks());
        assertThat(region().of(1)).isNull();
        assertThat(region().source()).startsWith("none");
    }

    @Test
    void aMissingHairMaskIsABadInputNamingTheFile() throws IOException {
        Files.delete(hairMasks().resolve("000002.png"));
        assertThatThrownBy(() -> region().of(1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("Hair").hasMessageContaining("000002.png").hasMessageContaining("not found");
    }

    private static int count(boolean[] bits) {
        int n = 0;
        for (boolean b : bits) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
