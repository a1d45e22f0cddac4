package dev.resface.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.data.SourceImages;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {
    /** A 3x2 image whose pixel (x, y) has red value 10 * (y * 3 + x) + 1: every pixel tells where it came from. */
    private static RgbImage numbered() {
        RgbImage im = RgbImage.blank(3, 2);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                im.set(x, y, 0, 10 * (y * 3 + x) + 1);
            }
        }
        return im;
    }

    /** Red values row by row. */
    private static int[] reds(RgbImage im) {
        int[] out = new int[im.width() * im.height()];
        for (int y = 0; y < im.height(); y++) {
            for (int x = 0; x < im.width(); x++) {
                out[y * im.width() + x] = im.get(x, y, 0);
            }
        }
        return out;
    }

    @Test
    void everyOrientationShowsTheImageAsTheCameraSawIt() {
        // stored:  1 11 21
        //         31 41 51
        assertThat(reds(ExifOrientation.apply(numbered(), 1))).containsExactly(1, 11, 21, 31, 41, 51);
        assertThat(reds(ExifOrientation.apply(numbered(), 2))).containsExactly(21, 11, 1, 51, 41, 31);
        assertThat(reds(ExifOrientation.apply(numbered(), 3))).containsExactly(51, 41, 31, 21, 11, 1);
        assertThat(reds(ExifOrientation.apply(numbered(), 4))).containsExactly(31, 41, 51, 1, 11, 21);
        // the rest are 2 wide, 3 high
        assertThat(reds(ExifOrientation.apply(numbered(), 5))).containsExactly(1, 31, 11, 41, 21, 51);
        assertThat(reds(ExifOrientation.apply(numbered(), 6))).containsExactly(31, 1, 41, 11, 51, 21);
        assertThat(reds(ExifOrientation.apply(numbered(), 7))).containsExactly(51, 21, 41, 11, 31, 1);
        assertThat(reds(ExifOrientation.apply(numbered(), 8))).containsExactly(21, 51, 11, 41, 1, 31);
        assertThat(ExifOrientation.apply(numbered(), 6).width()).isEqualTo(2);
    }

    /** The JPEG with an APP1 EXIF segment holding only IFD0's orientation, in either byte order. */
    static byte[] withOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        byte[] header = littleEndian ? new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0} : new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8};
        tiff.writeBytes(header);
        tiff.writeBytes(u16(1, littleEndian));
        tiff.writeBytes(u16(0x0112, littleEndian));
        tiff.writeBytes(u16(3, littleEndian)); // SHORT
        tiff.writeBytes(littleEndian ? new byte[] {1, 0, 0, 0} : new byte[] {0, 0, 0, 1});
        tiff.writeBytes(u16(orientation, littleEndian));
        tiff.writeBytes(new byte[] {0, 0, 0, 0, 0, 0}); // value padding, then no next IFD
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.writeBytes(u16(2 + 6 + body.length, false));
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] u16(int v, boolean little) {
        return little ? new byte[] {(byte) v, (byte) (v >> 8)} : new byte[] {(byte) (v >> 8), (byte) v};
    }

    /** 40x20: left half black, right half white. */
    private static byte[] halves() throws Exception {
        RgbImage im = RgbImage.blank(40, 20);
        for (int y = 0; y < 20; y++) {
            for (int x = 20; x < 40; x++) {
                for (int c = 0; c < 3; c++) {
                    im.set(x, y, c, 255);
                }
            }
        }
        return ImageFiles.jpeg(im.toBufferedImage(), 0.95f);
    }

    @Test
    void aPhotoIsDecodedUprightFromItsExifTag() throws Exception {
        byte[] plain = halves();
        assertThat(ExifOrientation.read(plain)).isEqualTo(1);
        for (boolean little : new boolean[] {true, false}) {
            byte[] rotated = withOrientation(plain, 6, little);
            assertThat(ExifOrientation.read(rotated)).isEqualTo(6);
            RgbImage upright = SourceImages.decodePhoto(rotated, 10_000);
            // turned 90 degrees clockwise: 20 wide, 40 high, the white half now at the bottom
            assertThat(upright.width()).isEqualTo(20);
            assertThat(upright.height()).isEqualTo(40);
            assertThat(upright.get(10, 5, 0)).isLessThan(20);
            assertThat(upright.get(10, 35, 0)).isGreaterThan(235);
        }
    }

    @Test
    void aPhotoTooLargeIsRefusedFromItsHeaderAlone() throws Exception {
        byte[] png = ImageFiles.png(RgbImage.blank(1, 1).toBufferedImage());
        // IHDR's width and height (bytes 16-23) rewritten to 100000 x 100000: 30 GB of pixels if it were decoded
        for (int i = 16; i < 24; i += 4) {
            png[i] = 0;
            png[i + 1] = (byte) 0x01;
            png[i + 2] = (byte) 0x86;
            png[i + 3] = (byte) 0xA0;
        }
        assertThatThrownBy(() -> SourceImages.decodePhoto(png, 100_000_000L))
                .hasMessage("is 100000x100000 = 10000000000 pixels, more than the limit of 100000000");
        assertThatThrownBy(() -> SourceImages.decodePhoto(halves(), 799))
                .hasMessage("is 40x20 = 800 pixels, more than the limit of 799");
    }
}
