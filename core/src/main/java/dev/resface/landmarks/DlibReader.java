package dev.resface.landmarks;

import dev.resface.BadInputException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Decodes dlib's {@code serialize.h} primitives from a stream: integers as a control byte (size in the low bits, 0x80
 * for negative) followed by little-endian magnitude bytes, floats as {@code float_details} (int64 mantissa, then int16
 * exponent). Every problem becomes a {@link BadInputException} naming the file, the byte offset and what was expected.
 */
final class DlibReader {
    /** The largest vector this reader will allocate, whatever the file says. */
    static final long MAX_VECTOR = 10_000_000L;

    private final Path file;
    private final InputStream in;
    private final long fileSize;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumed; // bytes before buf[0]

    DlibReader(Path file, InputStream in, long fileSize) {
        this.file = file;
        this.in = in;
        this.fileSize = fileSize;
    }

    long offset() {
        return consumed + pos;
    }

    long remaining() {
        return fileSize - offset();
    }

    BadInputException bad(String problem) {
        return BadInputException.at(file, "not a valid dlib shape_predictor file: " + problem + " (at byte " + offset() + ")");
    }

    private int readByte(String what) {
        if (pos == limit) {
            refill(what);
        }
        return buf[pos++] & 0xFF;
    }

    private void refill(String what) {
        consumed += limit;
        pos = 0;
        limit = 0;
        try {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                throw new EOFException();
            }
            limit = n;
        } catch (EOFException e) {
            throw BadInputException.at(file, "truncated dlib shape_predictor file: it ends at byte " + offset()
                    + " while reading " + what);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A signed integer of at most {@code maxBytes} magnitude bytes. */
    long readSigned(int maxBytes, String what) {
        int ctl = readByte(what);
        int size = ctl & 0x0F;
        if (size > maxBytes || (ctl & 0x70) != 0) {
            throw bad("bad integer control byte 0x" + Integer.toHexString(ctl) + " for " + what);
        }
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (long) readByte(what) << (8 * i);
        }
        if (size == 8 && value < 0) {
            throw bad("integer overflow in " + what);
        }
        return (ctl & 0x80) != 0 ? -value : value;
    }

    /** An unsigned integer of 1..{@code maxBytes} magnitude bytes; values that do not fit a signed long are rejected. */
    long readUnsigned(int maxBytes, String what) {
        int ctl = readByte(what);
        int size = ctl & 0x8F;
        if (size < 1 || size > maxBytes || (ctl & 0x70) != 0) {
            throw bad("bad unsigned integer control byte 0x" + Integer.toHexString(ctl) + " for " + what);
        }
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (long) readByte(what) << (8 * i);
        }
        if (value < 0) {
            throw bad("unsigned integer too large in " + what);
        }
        return value;
    }

    /** dlib's float: {@code ldexp(mantissa, exponent)}; inf/NaN are rejected as nothing in a model needs them. */
    float readFloat(String what) {
        long mantissa = readSigned(8, what);
        long exponent = readSigned(2, what);
        if (exponent >= 32000 && exponent <= 32002) {
            throw bad("non-finite float (" + (exponent == 32002 ? "NaN" : "infinity") + ") in " + what);
        }
        if (exponent > Short.MAX_VALUE || exponent < Short.MIN_VALUE) {
            throw bad("float exponent out of range in " + what);
        }
        float value = (float) Math.scalb((double) mantissa, (int) exponent);
        if (!Float.isFinite(value)) {
            throw bad("float out of range in " + what);
        }
        return value;
    }

    /**
     * A {@code std::vector} size, checked against {@link #MAX_VECTOR}, the bytes left in the file (each element takes
     * at least {@code minBytesPerElement}) and, when {@code expected >= 0}, the exact size the structure requires.
     */
    int readVectorSize(long expected, int minBytesPerElement, String what) {
        long n = readUnsigned(8, "size of " + what);
        if (n > MAX_VECTOR) {
            throw bad(what + " claims " + n + " elements, more than the limit of " + MAX_VECTOR);
        }
        if (n * minBytesPerElement > remaining()) {
            throw BadInputException.at(file, "truncated dlib shape_predictor file: " + what + " claims " + n
                    + " elements but only " + remaining() + " bytes are left (at byte " + offset() + ")");
        }
        if (expected >= 0 && n != expected) {
            throw bad(what + " has " + n + " elements, expected " + expected);
        }
        return (int) n;
    }

    /** A {@code matrix<float,0,1>}: rows and cols (written negated), then the elements. */
    float[] readColumn(long expectedRows, String what) {
        long rows = Math.abs(readSigned(8, "rows of " + what));
        long cols = Math.abs(readSigned(8, "cols of " + what));
        if (cols != 1) {
            throw bad(what + " should be a column vector but has " + cols + " columns");
        }
        if (rows > MAX_VECTOR) {
            throw bad(what + " claims " + rows + " rows, more than the limit of " + MAX_VECTOR);
        }
        if (rows * 2 > remaining()) {
            throw BadInputException.at(file, "truncated dlib shape_predictor file: " + what + " claims " + rows
                    + " values but only " + remaining() + " bytes are left (at byte " + offset() + ")");
        }
        if (expectedRows >= 0 && rows != expectedRows) {
            throw bad(what + " has " + rows + " values, expected " + expectedRows);
        }
        float[] out = new float[(int) rows];
        for (int i = 0; i < out.length; i++) {
            out[i] = readFloat(what);
        }
        return out;
    }

    /** Fails unless the stream is exhausted. */
    void expectEnd() {
        if (pos < limit) {
            throw bad((fileSize - offset()) + " unexpected trailing bytes after the model");
        }
        try {
            if (in.read() >= 0) {
                throw bad("unexpected trailing bytes after the model");
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
