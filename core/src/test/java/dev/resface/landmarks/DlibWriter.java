package dev.resface.landmarks;

import java.io.ByteArrayOutputStream;

/** Writes dlib {@code serialize.h} primitives, as dlib does, for hand-made test models. */
final class DlibWriter {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    DlibWriter signed(long v) {
        int neg = v < 0 ? 0x80 : 0;
        return magnitude(Math.abs(v), neg);
    }

    DlibWriter unsigned(long v) {
        return magnitude(v, 0);
    }

    private DlibWriter magnitude(long v, int neg) {
        byte[] bytes = new byte[8];
        int size = 0;
        do {
            bytes[size++] = (byte) v;
            v >>>= 8;
        } while (v != 0);
        out.write(size | neg);
        out.write(bytes, 0, size);
        return this;
    }

    /** dlib's float_details: int64 mantissa, then int16 exponent, value = mantissa * 2^exponent. */
    DlibWriter floatValue(float v) {
        if (v == 0) {
            return signed(0).signed(0);
        }
        int e = Math.getExponent(v) - 23;
        long mantissa = (long) Math.scalb((double) v, -e);
        return signed(mantissa).signed(e);
    }

    /** matrix<float,0,1>: rows and cols negated, then values. */
    DlibWriter column(float... values) {
        signed(-values.length).signed(-1);
        for (float v : values) {
            floatValue(v);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
