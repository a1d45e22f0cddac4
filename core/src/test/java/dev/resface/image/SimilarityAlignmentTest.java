package dev.resface.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.data.real.CelebaTemplate;
import org.junit.jupiter.api.Test;

/** A face warped into a photo by a known similarity transform comes back to CelebA's template. */
class SimilarityAlignmentTest {
    @Test
    void fitRecoversAKnownTransformAndItsInverse() {
        SimilarityTransform known = SimilarityTransform.of(1.7, Math.toRadians(23), 140.5, -31.25);
        double[] photo = known.applyAll(CelebaTemplate.POINTS);
        SimilarityTransform fitted = SimilarityTransform.fit(CelebaTemplate.POINTS, photo);
        assertThat(fitted.a()).isCloseTo(known.a(), within(1e-9));
        assertThat(fitted.b()).isCloseTo(known.b(), within(1e-9));
        assertThat(fitted.tx()).isCloseTo(known.tx(), within(1e-9));
        assertThat(fitted.ty()).isCloseTo(known.ty(), within(1e-9));
        double[] back = known.inverse().applyAll(photo);
        for (int i = 0; i < back.length; i++) {
            assertThat(back[i]).isCloseTo(CelebaTemplate.POINTS[i], within(1e-9));
        }
        assertThat(fitted.scale()).isCloseTo(1.7, within(1e-9));
    }

    @Test
    void warpedFaceIsAlignedBackToTheTemplateWithinAPixel() {
        // a "face": bright blobs at the five template points of a 178x218 image
        RgbImage face = blobs(178, 218, CelebaTemplate.POINTS);
        SimilarityTransform toPhoto = SimilarityTransform.of(1.6, Math.toRadians(-17), 90, 160);
        RgbImage photo = Warp.similarity(face, toPhoto.inverse(), 480, 520);
        double[] photoPoints = toPhoto.applyAll(CelebaTemplate.POINTS);
        // the photo's points as a detector would find them: the blob centroids
        double[] found = centroids(photo, photoPoints, 12);
        SimilarityTransform toTemplate = CelebaTemplate.toTemplate(found);
        RgbImage aligned = CelebaTemplate.align(photo, toTemplate);
        assertThat(aligned.width()).isEqualTo(178);
        assertThat(aligned.height()).isEqualTo(218);
        double[] back = centroids(aligned, CelebaTemplate.POINTS, 7);
        for (int i = 0; i < back.length; i += 2) {
            double error = Math.hypot(back[i] - CelebaTemplate.POINTS[i], back[i + 1] - CelebaTemplate.POINTS[i + 1]);
            assertThat(error).as("point %d", i / 2).isLessThan(1.0);
        }
    }

    @Test
    void resizeKeepsPixelCentresAligned() {
        RgbImage small = blobs(64, 64, new double[] {20, 30});
        RgbImage big = Warp.resize(small, 128);
        double[] c = centroids(big, new double[] {41, 61}, 10);
        // pixel centre 20 of 64 maps to (20 + 0.5) * 2 - 0.5 = 40.5 of 128
        assertThat(c[0]).isCloseTo(40.5, within(0.2));
        assertThat(c[1]).isCloseTo(60.5, within(0.2));
    }

    static RgbImage blobs(int w, int h, double[] points) {
        RgbImage img = RgbImage.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = 0; i < points.length; i += 2) {
                    v += 250 * Math.exp(-(Math.pow(x - points[i], 2) + Math.pow(y - points[i + 1], 2)) / (2 * 2.0 * 2.0));
                }
                for (int c = 0; c < 3; c++) {
                    img.set(x, y, c, (int) Math.round(Math.min(255, v)));
                }
            }
        }
        return img;
    }

    /** Intensity-weighted centroid of each blob, searched within {@code radius} of its expected place. */
    static double[] centroids(RgbImage img, double[] near, int radius) {
        double[] out = new double[near.length];
        for (int i = 0; i < near.length; i += 2) {
            double sum = 0, sx = 0, sy = 0;
            for (int y = (int) near[i + 1] - radius; y <= (int) near[i + 1] + radius; y++) {
                for (int x = (int) near[i] - radius; x <= (int) near[i] + radius; x++) {
                    if (x < 0 || y < 0 || x >= img.width() || y >= img.height()) {
                        continue;
                    }
                    double v = img.get(x, y, 0);
                    sum += v;
                    sx += v * x;
                    sy += v * y;
                }
            }
            out[i] = sx / sum;
            out[i + 1] = sy / sum;
        }
        return out;
    }
}
