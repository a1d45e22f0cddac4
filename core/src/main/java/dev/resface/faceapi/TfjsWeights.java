package dev.resface.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A TensorFlow.js weights manifest ({@code NAME-weights_manifest.json}) and its binary shards, read into float
 * arrays by name. Entries quantized to uint8 are restored as {@code v * scale + min}, computed in double and stored
 * in float, as TensorFlow.js does.
 */
public final class TfjsWeights {
    /** One tensor: its TensorFlow shape (e.g. conv filters as height, width, in, out) and values in that order. */
    public record Tensor(int[] shape, float[] values) {}

    private final Path manifest;
    private final Map<String, Tensor> tensors;

    private TfjsWeights(Path manifest, Map<String, Tensor> tensors) {
        this.manifest = manifest;
        this.tensors = tensors;
    }

    /** Reads {@code dir/NAME-weights_manifest.json} and the shards it names. */
    public static TfjsWeights read(Path dir, String name) {
        Path manifest = dir.resolve(name + "-weights_manifest.json");
        JsonNode groups;
        try {
            groups = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw BadInputException.at(manifest, Files.exists(manifest)
                    ? "not a readable TensorFlow.js weights manifest: " + e.getMessage()
                    : "missing: install @vladmandic/face-api with ./setup.sh");
        }
        if (!groups.isArray() || groups.isEmpty()) {
            throw BadInputException.at(manifest, "expected a list of weight groups");
        }
        Map<String, Tensor> tensors = new HashMap<>();
        for (JsonNode group : groups) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            Path lastShard = manifest;
            for (JsonNode p : group.path("paths")) {
                lastShard = dir.resolve(p.asText());
                try {
                    joined.write(Files.readAllBytes(lastShard));
                } catch (NoSuchFileException e) {
                    throw BadInputException.at(lastShard, "missing weights shard named by " + manifest.getFileName());
                } catch (IOException e) {
                    throw BadInputException.at(lastShard, "cannot read weights shard: " + e.getMessage());
                }
            }
            ByteBuffer data = ByteBuffer.wrap(joined.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode w : group.path("weights")) {
                String tensorName = w.path("name").asText();
                int[] shape = new int[w.path("shape").size()];
                long count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = w.path("shape").get(i).asInt();
                    count *= shape[i];
                }
                JsonNode q = w.get("quantization");
                String stored = q != null ? q.path("dtype").asText() : w.path("dtype").asText();
                int bytes = switch (stored) {
                    case "uint8" -> 1;
                    case "float32" -> 4;
                    default -> throw BadInputException.at(manifest, tensorName + ": unsupported storage " + stored);
                };
                if (data.remaining() < count * bytes) {
                    throw BadInputException.at(lastShard, "is " + data.capacity() + " bytes, too short for "
                            + tensorName + " (truncated?)");
                }
                float[] values = new float[(int) count];
                if (bytes == 1) {
                    double scale = q.path("scale").asDouble();
                    double min = q.path("min").asDouble();
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) ((data.get() & 0xFF) * scale + min);
                    }
                } else {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = data.getFloat();
                    }
                }
                tensors.put(tensorName, new Tensor(shape, values));
            }
            if (data.hasRemaining()) {
                throw BadInputException.at(lastShard, "has " + data.remaining() + " bytes the manifest does not describe");
            }
        }
        return new TfjsWeights(manifest, tensors);
    }

    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw BadInputException.at(manifest, "has no tensor named " + name);
        }
        return t;
    }
}
