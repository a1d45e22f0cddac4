package dev.resface.util;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The indented JSON every configuration and report file is written in, one value per file, newline-terminated. */
public final class PrettyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PrettyJson() {}

    public static String of(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsString(value);
    }

    /** What {@link #write} writes. */
    public static String text(Object value) throws JsonProcessingException {
        return of(value) + "\n";
    }

    /** Writes {@code value} atomically (see {@link AtomicFiles}). */
    public static void write(Path target, Object value) throws IOException {
        AtomicFiles.writeString(target, text(value));
    }

    /** A value as a JSON tree, as it would be written. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A JSON tree read as {@code type}; a tree that does not fit it is an IllegalArgumentException. */
    public static <T> T convert(JsonNode tree, Class<T> type) {
        return MAPPER.convertValue(tree, type);
    }

    /** Reads a file written by {@link #write}; a parse error becomes a one-line message with its line and column. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return parse(Files.readString(file), type);
    }

    /** {@link #read} of a file's text, for files that are not on this disk. */
    public static <T> T parse(String text, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException((at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }
}
