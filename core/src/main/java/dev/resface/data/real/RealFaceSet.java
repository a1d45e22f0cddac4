package dev.resface.data.real;

import dev.resface.BadInputException;
import dev.resface.data.CelebaLayout;
import dev.resface.data.CelebaTables;
import dev.resface.data.FaceAttribute;
import dev.resface.data.SourceImages;
import dev.resface.data.real.DlibExampleFaces.AnnotatedFace;
import dev.resface.data.synth.SynthFaces;
import dev.resface.image.ImageFiles;
import dev.resface.image.RgbImage;
import dev.resface.image.SimilarityTransform;
import dev.resface.landmarks.CelebaPoints;
import dev.resface.landmarks.ShapePredictor;
import dev.resface.util.AtomicFiles;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real faces with and without glasses, in CelebA layout with pairs: each face (of dlib's example photos, and of
 * face-api's demo photos) is aligned to CelebA's template by its landmarks (the port's prediction on the full photo
 * is its ground truth) and written twice, as it is (Eyeglasses -1) and with synthetic eyeglasses (Eyeglasses 1), each
 * the other's counterpart. All faces are in the test partition: the set is for measuring, not training.
 */
public final class RealFaceSet {
    public static final String FACES_FILE = "faces.json";
    private static final float JPEG_QUALITY = 0.95f;

    /**
     * Faces of dlib's example photos that already wear glasses (checked by eye, photo and box top-left corner): they
     * cannot stand for a face without glasses, so the set leaves them out.
     */
    static final List<String> WEARING_GLASSES = List.of(
            "2007_007763.jpg@194,90", "2007_007763.jpg@158,114", "2007_007763.jpg@178,214", "2007_007763.jpg@294,86",
            "2007_007763.jpg@309,233", "2008_002079.jpg@406,166", "2008_002079.jpg@122,134", "2008_001009.jpg@145,79",
            "2008_002470.jpg@55,156", "2008_002506.jpg@329,78");

    private RealFaceSet() {}

    /** The faces without glasses of their own. */
    public static List<AnnotatedFace> withoutOwnGlasses(List<AnnotatedFace> faces) {
        return faces.stream().filter(f -> !WEARING_GLASSES.contains(key(f))).toList();
    }

    private static String key(AnnotatedFace f) {
        return f.image().getFileName() + "@" + f.box().left() + "," + f.box().top();
    }

    /** Writes the set into {@code out}; returns how many faces (each written twice). */
    public static int write(Path out, List<AnnotatedFace> faces, ShapePredictor predictor) throws IOException {
        if (faces.isEmpty()) {
            throw new BadInputException("no annotated faces to build the real-face set from");
        }
        // every photo is read before anything is written, so a bad one leaves no half-built set behind
        Map<Path, RgbImage> photos = new HashMap<>();
        for (AnnotatedFace face : faces) {
            photos.computeIfAbsent(face.image(), RealFaceSet::readPhoto);
        }
        CelebaLayout layout = new CelebaLayout(out);
        String attr = FaceAttribute.EYEGLASSES.celebaName();
        Path counterparts = out.resolve(SynthFaces.COUNTERPARTS).resolve(attr);
        Path masks = out.resolve(SynthFaces.MASKS).resolve(attr);
        Files.createDirectories(layout.images());
        Files.createDirectories(counterparts);
        Files.createDirectories(masks);
        int n = faces.size();
        String[] attributes = new String[2 * n];
        String[] partitions = new String[2 * n];
        String[] landmarks = new String[2 * n];
        List<Map<String, Object>> provenance = new ArrayList<>();
        SyntheticEyeglasses.Style[] styles = SyntheticEyeglasses.Style.values();
        for (int k = 0; k < n; k++) {
            AnnotatedFace face = faces.get(k);
            RgbImage photo = photos.get(face.image());
            double[] points = predictor.predict(photo, face.box());
            SimilarityTransform toTemplate = CelebaTemplate.toTemplate(CelebaPoints.fromIbug68(points));
            RgbImage aligned = CelebaTemplate.align(photo, toTemplate);
            double[] alignedPoints = toTemplate.applyAll(points);
            SyntheticEyeglasses.Style style = styles[k % styles.length];
            // drawn at the photo's own resolution, so the glasses are as sharp or as blurred as the face under them
            SyntheticEyeglasses.Drawn drawn = SyntheticEyeglasses.draw(photo, points, style);
            RgbImage withGlassesImage = CelebaTemplate.align(drawn.image(), toTemplate);
            RgbImage mask = binary(CelebaTemplate.align(drawn.mask(), toTemplate));
            double[] five = CelebaPoints.fromIbug68(alignedPoints);

            String plain = SynthFaces.fileName(2 * k + 1);
            String withGlasses = SynthFaces.fileName(2 * k + 2);
            ImageFiles.write(layout.images().resolve(plain),
                    ImageFiles.jpeg(aligned.toBufferedImage(), JPEG_QUALITY));
            ImageFiles.write(layout.images().resolve(withGlasses),
                    ImageFiles.jpeg(withGlassesImage.toBufferedImage(), JPEG_QUALITY));
            ImageFiles.writePng(counterparts.resolve(png(plain)), withGlassesImage);
            ImageFiles.writePng(counterparts.resolve(png(withGlasses)), aligned);
            ImageFiles.writePng(masks.resolve(png(plain)), mask);
            ImageFiles.writePng(masks.resolve(png(withGlasses)), mask);
            for (int v = 0; v < 2; v++) {
                String name = v == 0 ? plain : withGlasses;
                attributes[2 * k + v] = CelebaTables.attributeRow(name, attributeValues(v == 1));
                partitions[2 * k + v] = name + " 2";
                landmarks[2 * k + v] = CelebaTables.landmarkRow(name, five);
            }
            provenance.add(provenance(face, plain, withGlasses, style, toTemplate, alignedPoints));
        }
        AtomicFiles.writeString(layout.attributes(), CelebaTables.attributes(attributes));
        AtomicFiles.writeString(layout.partition(), String.join("\n", partitions) + "\n");
        AtomicFiles.writeString(layout.landmarks(), CelebaTables.landmarks(landmarks));
        PrettyJson.write(out.resolve(FACES_FILE), provenance);
        AtomicFiles.writeString(out.resolve(SynthFaces.README), readme(n));
        return n;
    }

    private static RgbImage readPhoto(Path file) {
        try {
            return SourceImages.readAny(file);
        } catch (SourceImages.BadImageException e) {
            throw BadInputException.at(file, e.getMessage());
        }
    }

    /** Only Eyeglasses is known for these faces; every other column is written as -1 and means nothing. */
    private static int[] attributeValues(boolean glasses) {
        int[] values = new int[CelebaLayout.ATTRIBUTE_NAMES.size()];
        Arrays.fill(values, -1);
        values[CelebaLayout.ATTRIBUTE_NAMES.indexOf(FaceAttribute.EYEGLASSES.celebaName())] = glasses ? 1 : -1;
        return values;
    }

    /** Any pixel the resampled mask touches belongs to it. */
    private static RgbImage binary(RgbImage mask) {
        byte[] bits = mask.pixels().clone();
        for (int i = 0; i < bits.length; i++) {
            bits[i] = bits[i] != 0 ? (byte) 255 : 0;
        }
        return new RgbImage(mask.width(), mask.height(), bits);
    }

    private static String png(String jpg) {
        return jpg.replaceFirst("\\.jpg$", ".png");
    }

    private static Map<String, Object> provenance(AnnotatedFace face, String plain, String withGlasses,
            SyntheticEyeglasses.Style style, SimilarityTransform toTemplate, double[] alignedPoints) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("photo", face.image().toString());
        m.put("box", new int[] {face.box().left(), face.box().top(), face.box().width(), face.box().height()});
        m.put("images", List.of(plain, withGlasses));
        m.put("glasses", style.name().toLowerCase(Locale.ROOT));
        m.put("alignmentScale", toTemplate.scale());
        m.put("alignedLandmarks68", alignedPoints);
        return m;
    }

    private static String readme(int n) {
        return "Real faces with synthetic eyeglasses: " + n + " faces from dlib's example photos (Debian libdlib19.1,\n"
                + "PASCAL VOC 2011 images) and face-api's demo photos (unless left out; found as 'edit --photo' finds\n"
                + "faces), faces already wearing glasses left out, each aligned to CelebA's template by the similarity\n"
                + "transform of its five\n"
                + "landmarks (dlib's 68-point model on the full photo; the eye centres are the means of points 36-41 and\n"
                + "42-47) and written twice: odd numbers as they are (Eyeglasses -1), even numbers with eyeglasses drawn\n"
                + "from the landmarks (Eyeglasses 1). counterparts/Eyeglasses/ holds each image's other version, masks/\n"
                + "the pixels the glasses cover. Only the Eyeglasses column is meaningful; the others are -1. All\n"
                + "images are in the test partition. faces.json lists each face's source photo, box and landmarks.\n";
    }
}
