package dev.resface.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.data.CropRecipe;
import dev.resface.data.real.CelebaTemplate;
import dev.resface.image.RgbImage;
import dev.resface.image.SimilarityTransform;
import dev.resface.image.Warp;
import org.junit.jupiter.api.Test;

/** The geometry of a photo edit without the detector: a face placed in a photo by a known similarity. */
class AlignmentRoundTripTest {
    /** A 178x218 "aligned face" with smooth texture everywhere, so resampling errors show as differences. */
    static RgbImage texture() {
        RgbImage im = RgbImage.blank(178, 218);
        for (int y = 0; y < 218; y++) {
            for (int x = 0; x < 178; x++) {
                im.set(x, y, 0, (int) (127 + 100 * Math.sin(x / 9.0) * Math.cos(y / 13.0)));
                im.set(x, y, 1, (int) (127 + 100 * Math.sin((x + y) / 17.0)));
                im.set(x, y, 2, (x + 2 * y) % 200);
            }
        }
        return im;
    }

    @Test
    void aFacePlacedInAPhotoIsAlignedBackAndItsChangeLandsWhereItBelongs() {
        RgbImage aligned = texture();
        SimilarityTransform alignedToPhoto = SimilarityTransform.of(2.5, Math.toRadians(12), 300, 150);
        RgbImage photo = Warp.similarity(aligned, alignedToPhoto.inverse(), 900, 800);
        SimilarityTransform toTemplate = CelebaTemplate.toTemplate(alignedToPhoto.applyAll(CelebaTemplate.POINTS));
        SimilarityTransform expected = alignedToPhoto.inverse();
        assertThat(toTemplate.a()).isCloseTo(expected.a(), within(1e-9));
        assertThat(toTemplate.b()).isCloseTo(expected.b(), within(1e-9));
        assertThat(toTemplate.tx()).isCloseTo(expected.tx(), within(1e-7));
        assertThat(toTemplate.ty()).isCloseTo(expected.ty(), within(1e-7));

        // Aligned again from the photo: the same face, up to two bilinear resamplings (away from the border).
        RgbImage back = CelebaTemplate.align(photo, toTemplate);
        double sum = 0;
        int n = 0;
        for (int y = 20; y < 198; y++) {
            for (int x = 20; x < 158; x++) {
                for (int c = 0; c < 3; c++) {
                    sum += Math.abs(back.get(x, y, c) - aligned.get(x, y, c));
                    n++;
                }
            }
        }
        assertThat(sum / n).isLessThan(1.0);

        // A one-pixel change at (20, 30) of the run's 64px crop lands on that pixel's place in the photo.
        int size = 64;
        SimilarityTransform photoToCrop = toTemplate.then(CropRecipe.PAPER.toCrop(size));
        float[] change = new float[3 * size * size];
        change[30 * size + 20] = 1f;
        RgbImage edited = new RgbImage(photo.width(), photo.height(), photo.pixels().clone());
        PasteBack.add(edited, change, size, photoToCrop);
        int bestX = -1;
        int bestY = -1;
        int best = 0;
        for (int y = 0; y < photo.height(); y++) {
            for (int x = 0; x < photo.width(); x++) {
                int d = Math.abs(edited.get(x, y, 0) - photo.get(x, y, 0));
                if (d > best) {
                    best = d;
                    bestX = x;
                    bestY = y;
                }
                assertThat(edited.get(x, y, 1)).isEqualTo(photo.get(x, y, 1)); // only red was changed
            }
        }
        double[] where = photoToCrop.inverse().apply(20, 30);
        assertThat(Math.hypot(bestX - where[0], bestY - where[1])).isLessThan(1.5);
        // each crop pixel spans 2.5 * 128 / 64 = 5 photo pixels
        assertThat(photoToCrop.inverse().scale()).isCloseTo(5.0, within(1e-9));
    }
}
