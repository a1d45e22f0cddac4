package dev.resface.web;

import dev.resface.model.Direction;
import dev.resface.photo.OutputNames;
import io.javalin.http.Context;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the multipart form of {@code POST /api/edit}; every problem is an {@link ApiError} naming the
 * field. The parts stay in memory (the whole body is bounded by the upload limit), so nothing of a request is ever
 * written to disk.
 */
final class EditForm {
    private static final Set<String> FIELDS = Set.of("photo", "sample", "run", "direction", "strength");
    /** Ids, a direction and a strength are short; a long field is a mistake or a probe. */
    private static final int MAX_FIELD_BYTES = 256;
    /** Plain decimals only: Java would also read "NaN", "Infinity", "0x1p0" and "1f". */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}(\\.\\d{0,9})?|\\.\\d{1,9}");

    /** What the form asked for, with the photo's bytes and a file-name stem for the download. */
    record Fields(EditWorker.Request request, String stem) {}

    private EditForm() {}

    static Fields read(Context ctx, ServeConfig config, RunCatalog catalog, SamplePhotos samples) {
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiError(415, "POST /api/edit takes multipart/form-data with the fields photo or sample, run, "
                    + "direction and strength");
        }
        byte[] photo = null;
        String sample = null;
        String direction = null;
        String strength = null;
        List<String> runs = new ArrayList<>();
        for (Part part : parts(ctx, config)) {
            String name = part.getName() == null ? "" : part.getName();
            if (!FIELDS.contains(name)) {
                throw new ApiError(400, "unknown field " + ApiError.quote(name)
                        + "; the fields are photo, sample, run, direction and strength");
            }
            if (name.equals("photo")) {
                photo = once(name, photo, bytes(part, config.maxUploadBytes()));
                continue;
            }
            String value = text(part);
            switch (name) {
                case "sample" -> sample = once(name, sample, value);
                case "direction" -> direction = once(name, direction, value);
                case "strength" -> strength = once(name, strength, value);
                default -> runs.add(value);
            }
        }
        if (photo != null && sample != null) {
            throw new ApiError(400, "give a photo or a sample, not both");
        }
        String stem;
        if (sample != null) {
            String id = sample;
            photo = samples.find(id).orElseThrow(() -> new ApiError(400, "unknown sample " + ApiError.quote(id)
                    + "; GET /api/samples lists them")).jpeg();
            stem = id;
        } else if (photo != null) {
            if (photo.length == 0) {
                throw new ApiError(400, "photo is an empty file");
            }
            if (!isJpeg(photo) && !isPng(photo)) {
                throw new ApiError(400, "photo is not a JPEG or PNG image");
            }
            stem = "photo";
        } else {
            throw new ApiError(400, "give a photo (a JPEG or PNG file) or a sample id");
        }
        checkRuns(runs, catalog, config.maxRunsPerEdit());
        Direction d = direction(direction);
        float s = strength(strength);
        return new Fields(new EditWorker.Request(photo, List.copyOf(runs), d, s), OutputNames.edit(stem, d, s));
    }

    private static Collection<Part> parts(Context ctx, ServeConfig config) {
        long max = config.maxUploadBytes();
        // Parts up to the whole body's limit stay in memory: Jetty would otherwise spill uploads to a temp file.
        ctx.req().setAttribute(MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE,
                new MultipartConfigElement(null, max, max, (int) max));
        try {
            return ctx.req().getParts();
        } catch (IOException | ServletException | RuntimeException e) {
            // Jetty drops the connection after a body it could not parse, without a word: saying so keeps a client
            // from sending its next request down a dead connection.
            ctx.header("Connection", "close");
            if (mentions(e, "exceeded", "larger than max")) {
                throw EditApi.tooLarge(config);
            }
            if (mentions(e, "too many")) {
                throw new ApiError(400, "the form has too many parts; POST /api/edit takes photo or sample, run (at"
                        + " most " + config.maxRunsPerEdit() + " times), direction and strength");
            }
            throw new ApiError(400, "the multipart/form-data body cannot be read");
        }
    }

    /**
     * Jetty reports a body over the limit (one sent without a Content-Length) or a form of over 1,000 parts only in
     * its exceptions' messages.
     */
    private static boolean mentions(Throwable e, String... words) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            for (String w : words) {
                if (m != null && m.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] bytes(Part part, long max) {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new ApiError(400, "the photo could not be read from the request");
        }
    }

    private static String text(Part part) {
        if (part.getSize() > MAX_FIELD_BYTES) {
            throw new ApiError(400, "field " + ApiError.quote(part.getName()) + " is too long (at most "
                    + MAX_FIELD_BYTES + " bytes)");
        }
        return new String(bytes(part, MAX_FIELD_BYTES), StandardCharsets.UTF_8).strip();
    }

    private static <T> T once(String name, T before, T value) {
        if (before != null) {
            throw new ApiError(400, "field " + name + " is given more than once");
        }
        return value;
    }

    private static Direction direction(String text) {
        if (text == null || text.isEmpty()) {
            throw new ApiError(400, "direction is missing: add or remove");
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "add" -> Direction.ADD;
            case "remove" -> Direction.REMOVE;
            default -> throw new ApiError(400, "direction must be add or remove, got " + ApiError.quote(text));
        };
    }

    /** Missing is 1, the model's own edit, as on the command line. */
    private static float strength(String text) {
        if (text == null) {
            return 1f;
        }
        // Compared as written: 2.000000001 rounds to the float 2 but is over the limit.
        if (DECIMAL.matcher(text).matches() && new BigDecimal(text).compareTo(BigDecimal.valueOf(2)) <= 0) {
            return Float.parseFloat(text);
        }
        throw new ApiError(400, "strength must be a number from 0 to 2, got " + ApiError.quote(text));
    }

    private static void checkRuns(List<String> runs, RunCatalog catalog, int max) {
        if (runs.isEmpty()) {
            throw new ApiError(400, "give at least one run; GET /api/runs lists them");
        }
        if (runs.size() > max) {
            throw new ApiError(400, "at most " + max + " runs in one edit, got " + runs.size());
        }
        for (String id : runs) {
            if (catalog.find(id).isEmpty()) {
                throw new ApiError(400, "unknown run " + ApiError.quote(id) + "; GET /api/runs lists them");
            }
        }
    }

    private static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    private static boolean isPng(byte[] b) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (b.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (b[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
