package dev.resface.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy layout NumPy's format 1.0 specifies, byte by byte. */
class NpyFileTest {
    @Test
    void headerIsPaddedToSixtyFourBytesAndTheDataIsLittleEndianFloats(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.npy");
        NpyFile.write(file, new float[] {1.5f, -2f, 3f, 0f, 5f, 6.25f}, new long[] {2, 3});
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).isEqualTo((byte) 0x93);
        assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(bytes[6]).isEqualTo((byte) 1);
        assertThat(bytes[7]).isEqualTo((byte) 0);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertThat((10 + headerLength) % 64).isZero();
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        assertThat(bytes).hasSize(10 + headerLength + 6 * 4);
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getFloat()).isEqualTo(1.5f);
        assertThat(data.getFloat()).isEqualTo(-2f);
        data.position(10 + headerLength + 20);
        assertThat(data.getFloat()).isEqualTo(6.25f);
    }

    @Test
    void aVectorsShapeIsAOneElementTuple(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("v.npy");
        NpyFile.write(file, new float[] {1, 2, 3}, new long[] {3});
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("'shape': (3,), }");
    }
}
