package dev.resface.data.synth;

import dev.resface.BadInputException;
import dev.resface.data.CelebaLayout;
import dev.resface.data.CelebaTables;
import dev.resface.data.FaceAttribute;
import dev.resface.image.ImageFiles;
import dev.resface.util.AtomicFiles;
import dev.resface.util.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a procedurally drawn face data set in aligned CelebA's layout (img_align_celeba/, list_attr_celeba.txt,
 * list_eval_partition.txt, list_landmarks_align_celeba.txt), plus ground truth CelebA lacks: for each face and each
 * of the six {@link FaceAttribute}s the same face with that attribute flipped (counterparts/) and the mask of the
 * pixels the flip may change (masks/), and the mask of its hair (masks/Hair/, see {@link FaceRenderer#hairBits}).
 *
 * <p>Face {@code i} depends only on the seed and {@code i}, never on the count or on thread scheduling: the same seed
 * gives byte-identical files, and a larger set starts with the faces of a smaller one.
 */
public final class SynthFaces {
    public static final String COUNTERPARTS = "counterparts";
    public static final String MASKS = "masks";
    /** The folder under masks/ of the hair masks: what an attribute edit should leave alone (paper, 6.3). */
    public static final String HAIR_MASK = "Hair";
    public static final String README = "README.txt";

    private SynthFaces() {}

    public static void write(Path out, int count, long seed) throws IOException {
        write(out, count, seed, SynthConfig.defaults());
    }

    public static void write(Path out, int count, long seed, SynthConfig config) throws IOException {
        if (count < 1 || count > 999_999) {
            throw new BadInputException("face count must be in 1..999999, got " + count);
        }
        CelebaLayout layout = new CelebaLayout(out);
        Files.createDirectories(layout.images());
        if (config.counterparts()) {
            for (FaceAttribute a : FaceAttribute.values()) {
                Files.createDirectories(out.resolve(COUNTERPARTS).resolve(a.celebaName()));
                Files.createDirectories(out.resolve(MASKS).resolve(a.celebaName()));
            }
            Files.createDirectories(out.resolve(MASKS).resolve(HAIR_MASK));
        }
        String[] attributeRows = new String[count];
        String[] partitionRows = new String[count];
        String[] landmarkRows = new String[count];
        try (Progress bar = Progress.bar("synth", count)) {
            IntStream.rangeClosed(1, count).parallel().forEach(index -> {
                try {
                    FaceParams p = params(seed, index, config);
                    String name = fileName(index);
                    writeFace(out, layout, name, p, config);
                    attributeRows[index - 1] = CelebaTables.attributeRow(name, attributeValues(p));
                    partitionRows[index - 1] = name + " " + partition(seed, index);
                    landmarkRows[index - 1] = CelebaTables.landmarkRow(name, FaceRenderer.landmarks(p));
                    bar.step();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        AtomicFiles.writeString(layout.attributes(), CelebaTables.attributes(attributeRows));
        AtomicFiles.writeString(layout.partition(), String.join("\n", partitionRows) + "\n");
        AtomicFiles.writeString(layout.landmarks(), CelebaTables.landmarks(landmarkRows));
        AtomicFiles.writeString(out.resolve(README), readme(count, seed, config));
    }

    /** The parameters of face {@code index} (1-based) of the set with this seed. */
    public static FaceParams params(long seed, int index, SynthConfig config) {
        return FaceParams.sample(faceRandom(seed, index).split(), config);
    }

    /** The CelebA partition of face {@code index}: 0 train (80%), 1 validation (10%), 2 test (10%). */
    public static int partition(long seed, int index) {
        double u = faceRandom(seed, index ^ 0x40000000).nextDouble();
        return u < 0.8 ? 0 : u < 0.9 ? 1 : 2;
    }

    /** CelebA's file name for a 1-based index: 000001.jpg. */
    public static String fileName(int index) {
        return String.format(Locale.ROOT, "%06d.jpg", index);
    }

    private static SplittableRandom faceRandom(long seed, int index) {
        return new SplittableRandom(PixelEffects.mix(PixelEffects.mix(seed) + index));
    }

    private static void writeFace(Path out, CelebaLayout layout, String name, FaceParams p, SynthConfig config)
            throws IOException {
        ImageFiles.write(layout.images().resolve(name), ImageFiles.jpeg(FaceRenderer.render(p), config.jpegQuality()));
        if (!config.counterparts()) {
            return;
        }
        String png = name.replace(".jpg", ".png");
        for (FaceAttribute a : FaceAttribute.values()) {
            ImageFiles.write(out.resolve(COUNTERPARTS).resolve(a.celebaName()).resolve(png),
                    ImageFiles.png(FaceRenderer.render(p.flip(a))));
            ImageFiles.write(out.resolve(MASKS).resolve(a.celebaName()).resolve(png),
                    ImageFiles.png(FaceRenderer.mask(p, a)));
        }
        ImageFiles.write(out.resolve(MASKS).resolve(HAIR_MASK).resolve(png), ImageFiles.png(FaceRenderer.hairMask(p)));
    }

    /** Attribute values of a face as CelebA writes them: 1 or -1. Only the six FaceAttributes and a few of the
     * others that the drawing shows vary; the rest are -1. */
    static int[] attributeValues(FaceParams p) {
        List<String> names = CelebaLayout.ATTRIBUTE_NAMES;
        int[] values = new int[names.size()];
        Arrays.fill(values, -1);
        for (FaceAttribute a : FaceAttribute.values()) {
            values[names.indexOf(a.celebaName())] = p.has(a) ? 1 : -1;
        }
        Appearance look = p.look();
        boolean beard = !p.noBeard();
        set(values, "Bangs", look.bangs());
        set(values, "Gray_Hair", !p.young() && look.greyness() >= 0.5);
        set(values, "Wearing_Lipstick", !p.male() && look.lipstick());
        set(values, "Mustache", beard && (look.beard() == BeardStyle.MOUSTACHE || look.beard() == BeardStyle.GOATEE));
        set(values, "Goatee", beard && look.beard() == BeardStyle.GOATEE);
        set(values, "5_o_Clock_Shadow", beard && look.beard() == BeardStyle.STUBBLE);
        return values;
    }

    private static void set(int[] values, String name, boolean on) {
        values[CelebaLayout.ATTRIBUTE_NAMES.indexOf(name)] = on ? 1 : -1;
    }

    private static String readme(int count, long seed, SynthConfig config) {
        StringBuilder s = new StringBuilder();
        s.append("SynthFaces: ").append(count).append(" procedurally drawn faces, seed ").append(seed).append(".\n")
                .append("Eyeglasses rate ").append(config.eyeglassesRate())
                .append(" (CelebA has about 0.07; raised so small sets have positives), JPEG quality ")
                .append(config.jpegQuality()).append(".\n\n")
                .append("Layout of aligned CelebA, 178x218 images:\n")
                .append("  img_align_celeba/000001.jpg ...      the faces\n")
                .append("  list_attr_celeba.txt                 count, the 40 attribute names, then 1/-1 rows.\n")
                .append("      The six edited attributes vary (").append(attributeNames())
                .append("); Bangs, Gray_Hair, Wearing_Lipstick,\n")
                .append("      Mustache, Goatee and 5_o_Clock_Shadow follow the drawing; the others are -1.\n")
                .append("  list_eval_partition.txt              0 train (80%), 1 validation (10%), 2 test (10%)\n")
                .append("  list_landmarks_align_celeba.txt      eyes, nose, mouth corners after the pose jitter\n");
        if (config.counterparts()) {
            s.append("\nGround truth CelebA does not have, for each attribute A and face N:\n")
                    .append("  counterparts/A/N.png   the same face with A flipped, everything else identical\n")
                    .append("                         (lossless; flipping Male to female also removes a beard)\n")
                    .append("  masks/A/N.png          8-bit grey, 255 where the flip may change pixels, 0 where\n")
                    .append("                         the counterpart equals the face exactly (before JPEG)\n")
                    .append("  masks/").append(HAIR_MASK)
                    .append("/N.png       8-bit grey, 255 where the face's hair is or would be\n")
                    .append("                         with either gender's hairstyle, long or short; 0 inside\n")
                    .append("                         masks/No_Beard/N.png, so a beard edit should change nothing\n")
                    .append("                         there\n")
                    .append("The counterparts are rendered without JPEG compression; compare them with the PNG\n")
                    .append("rendering, not the JPEG, for an exact check.\n");
        }
        return s.toString();
    }

    private static String attributeNames() {
        StringBuilder s = new StringBuilder();
        for (FaceAttribute a : FaceAttribute.values()) {
            s.append(s.length() == 0 ? "" : ", ").append(a.celebaName());
        }
        return s.toString();
    }
}
