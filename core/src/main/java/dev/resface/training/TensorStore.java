package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes named float tensors and reads them back *into the existing arrays*, so parameters keep their identity
 * (gradients, optimizer state) across a load. Checks every name and shape.
 */
final class TensorStore {
    private static final NDIndex ALL = new NDIndex("...");

    private TensorStore() {}

    static void write(DataOutputStream out, List<String> names, List<NDArray> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (int i = 0; i < arrays.size(); i++) {
            NDArray a = arrays.get(i);
            out.writeUTF(names.get(i));
            long[] dims = a.getShape().getShape();
            out.writeInt(dims.length);
            for (long d : dims) {
                out.writeLong(d);
            }
            float[] values = a.toType(DataType.FLOAT32, false).toFloatArray();
            ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            out.write(bytes.array());
        }
    }

    static void read(DataInputStream in, List<String> names, List<NDArray> arrays, String what) throws IOException {
        int count = in.readInt();
        if (count != arrays.size()) {
            throw new IOException(what + ": " + count + " tensors stored, the model has " + arrays.size());
        }
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            if (!name.equals(names.get(i))) {
                throw new IOException(what + ": tensor " + i + " is '" + name + "', expected '" + names.get(i) + "'");
            }
            int rank = in.readInt();
            if (rank < 0 || rank > 8) {
                throw new IOException(what + ": tensor '" + name + "' has rank " + rank);
            }
            long[] dims = new long[rank];
            for (int k = 0; k < rank; k++) {
                dims[k] = in.readLong();
            }
            NDArray target = arrays.get(i);
            if (!new Shape(dims).equals(target.getShape())) {
                throw new IOException(what + ": tensor '" + name + "' has shape " + new Shape(dims)
                        + ", the model expects " + target.getShape());
            }
            byte[] raw = new byte[Math.toIntExact(target.size() * 4)];
            in.readFully(raw);
            float[] values = new float[Math.toIntExact(target.size())];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            // An indexed copy, not set(float[]): DJL's set enters libtorch's deprecated AutoNonVariableTypeMode,
            // whose warning every edit and resume would print.
            try (NDArray stored = target.getManager().create(values, target.getShape())) {
                target.set(ALL, stored);
            }
        }
    }
}
