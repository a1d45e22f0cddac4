package dev.resface.data.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import dev.resface.data.CelebaLayout;
import dev.resface.data.FaceAttribute;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthFacesTest {
    @TempDir
    Path tmp;

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDiffers() throws IOException {
        SynthFaces.write(tmp.resolve("a"), 12, 99);
        SynthFaces.write(tmp.resolve("b"), 12, 99);
        SynthFaces.write(tmp.resolve("c"), 12, 100);
        Map<String, byte[]> a = contents(tmp.resolve("a"));
        Map<String, byte[]> b = contents(tmp.resolve("b"));
        Map<String, byte[]> c = contents(tmp.resolve("c"));
        // 12 faces x (1 jpg + 6 counterparts + 6 masks + the hair mask) + 3 lists + README, and no temporary files
        assertThat(a).hasSize(12 * 14 + 4);
        assertThat(a.keySet()).allMatch(name -> !name.endsWith(".tmp"));
        assertThat(b.keySet()).isEqualTo(a.keySet());
        for (String name : a.keySet()) {
            assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
        }
        assertThat(c.keySet()).isEqualTo(a.keySet());
        assertThat(c.get("img_align_celeba/000001.jpg")).isNotEqualTo(a.get("img_align_celeba/000001.jpg"));
        assertThat(c.get(CelebaLayout.ATTRIBUTES)).isNotEqualTo(a.get(CelebaLayout.ATTRIBUTES));
    }

    @Test
    void faceDependsOnSeedAndIndexNotOnCount() throws IOException {
        SynthFaces.write(tmp.resolve("small"), 3, 5, SynthConfig.defaults().withCounterparts(false));
        SynthFaces.write(tmp.resolve("large"), 6, 5, SynthConfig.defaults().withCounterparts(false));
        Path name = Path.of(CelebaLayout.IMAGES, "000003.jpg");
        assertThat(Files.readAllBytes(tmp.resolve("small").resolve(name)))
                .isEqualTo(Files.readAllBytes(tmp.resolve("large").resolve(name)));
    }

    @Test
    void writesCelebaFormattedListsAndGroundTruth() throws IOException {
        int count = 20;
        Path out = tmp.resolve("set");
        SynthFaces.write(out, count, 3);
        CelebaLayout layout = new CelebaLayout(out);

        List<String> attrs = Files.readAllLines(layout.attributes());
        assertThat(attrs).hasSize(count + 2);
        assertThat(attrs.get(0)).isEqualTo(String.valueOf(count));
        assertThat(attrs.get(1)).isEqualTo(String.join(" ", CelebaLayout.ATTRIBUTE_NAMES));
        int male = CelebaLayout.ATTRIBUTE_NAMES.indexOf("Male");
        int noBeard = CelebaLayout.ATTRIBUTE_NAMES.indexOf("No_Beard");
        for (int i = 0; i < count; i++) {
            String row = attrs.get(i + 2);
            // CelebA's spacing: the name, then each value right-aligned in two columns after a space
            assertThat(row).matches(String.format("%06d\\.jpg( (-1| 1)){40}", i + 1));
            String[] f = row.trim().split(" +");
            assertThat(f).hasSize(41);
            FaceParams p = SynthFaces.params(3, i + 1, SynthConfig.defaults());
            for (FaceAttribute a : FaceAttribute.values()) {
                int column = CelebaLayout.ATTRIBUTE_NAMES.indexOf(a.celebaName()) + 1;
                assertThat(f[column]).as("%s of row %d", a, i + 1).isEqualTo(p.has(a) ? "1" : "-1");
            }
            if (f[male + 1].equals("-1")) {
                assertThat(f[noBeard + 1]).isEqualTo("1");
            }
        }

        List<String> parts = Files.readAllLines(layout.partition());
        assertThat(parts).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(parts.get(i)).matches(String.format("%06d\\.jpg [012]", i + 1));
        }

        List<String> marks = Files.readAllLines(layout.landmarks());
        assertThat(marks).hasSize(count + 2);
        assertThat(marks.get(0)).isEqualTo(String.valueOf(count));
        assertThat(marks.get(1)).isEqualTo(String.join(" ", CelebaLayout.LANDMARK_NAMES));
        int[] template = {69, 111, 108, 111, 88, 136, 72, 152, 105, 152};
        for (int i = 0; i < count; i++) {
            String[] f = marks.get(i + 2).trim().split(" +");
            assertThat(f).hasSize(11);
            assertThat(f[0]).isEqualTo(SynthFaces.fileName(i + 1));
            for (int k = 0; k < 10; k++) {
                assertThat(Math.abs(Integer.parseInt(f[k + 1]) - template[k])).as("landmark %d of row %d", k, i + 1)
                        .isLessThanOrEqualTo(10);
            }
        }

        BufferedImage jpg = ImageIO.read(layout.images().resolve("000007.jpg").toFile());
        assertThat(jpg.getWidth()).isEqualTo(178);
        assertThat(jpg.getHeight()).isEqualTo(218);
        FaceParams p = SynthFaces.params(3, 7, SynthConfig.defaults());
        for (FaceAttribute a : FaceAttribute.values()) {
            BufferedImage counterpart = ImageIO.read(out.resolve("counterparts").resolve(a.celebaName())
                    .resolve("000007.png").toFile());
            assertThat(FaceRendererTest.pixels(counterpart)).as(a.celebaName())
                    .isEqualTo(FaceRendererTest.pixels(FaceRenderer.render(p.flip(a))));
            assertThat(greyMask(out, a.celebaName(), "000007.png")).as(a.celebaName())
                    .isEqualTo(grey(FaceRenderer.mask(p, a)));
        }
        assertThat(greyMask(out, SynthFaces.HAIR_MASK, "000007.png")).isEqualTo(grey(FaceRenderer.hairMask(p)));
        // the JPEG is the rendering plus compression noise only
        int[] rendered = FaceRendererTest.pixels(FaceRenderer.render(p));
        int[] decoded = FaceRendererTest.pixels(jpg);
        double err = 0;
        for (int i = 0; i < rendered.length; i++) {
            err += Math.abs((rendered[i] >> 8 & 0xFF) - (decoded[i] >> 8 & 0xFF));
        }
        assertThat(err / rendered.length).isBetween(0.1, 6.0);
        assertThat(Files.readString(out.resolve(SynthFaces.README))).contains("counterparts/", "masks/", "masks/Hair/");
    }

    /** A written mask's bytes; it must be an 8-bit grey image. */
    private static byte[] greyMask(Path set, String folder, String file) throws IOException {
        BufferedImage mask = ImageIO.read(set.resolve(SynthFaces.MASKS).resolve(folder).resolve(file).toFile());
        assertThat(mask.getType()).as(folder).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        return grey(mask);
    }

    private static byte[] grey(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void eyeglassesShareFollowsConfigAndPartitionsAreRoughly80_10_10() throws IOException {
        int count = 300;
        Path out = tmp.resolve("many");
        SynthFaces.write(out, count, 11, SynthConfig.defaults().withCounterparts(false));
        assertThat(out.resolve("counterparts")).doesNotExist();
        List<String> attrs = Files.readAllLines(out.resolve(CelebaLayout.ATTRIBUTES));
        int glasses = CelebaLayout.ATTRIBUTE_NAMES.indexOf("Eyeglasses") + 1;
        long positives = attrs.stream().skip(2).filter(r -> r.trim().split(" +")[glasses].equals("1")).count();
        assertThat(positives / (double) count).isBetween(0.13, 0.27);
        int[] partitions = new int[3];
        for (String row : Files.readAllLines(out.resolve(CelebaLayout.PARTITION))) {
            partitions[Integer.parseInt(row.split(" ")[1])]++;
        }
        assertThat(partitions[0]).isBetween(210, 270);
        assertThat(partitions[1]).isBetween(15, 50);
        assertThat(partitions[2]).isBetween(15, 50);
    }

    @Test
    void rejectsABadCount() {
        assertThatThrownBy(() -> SynthFaces.write(tmp.resolve("x"), 0, 1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("count");
    }
}
