package dev.resface.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs one measurement in a process of its own, so that each side's peak memory is its own, and reads the JSON
 * object it prints last on stdout. A failure is one line with the end of what the process wrote to stderr.
 */
final class ChildProcess {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STDERR_TAIL = 400;

    private ChildProcess() {}

    static JsonNode run(String what, List<String> command, Map<String, String> environment) {
        try {
            Path err = Files.createTempFile("resface-bench-", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
                pb.environment().putAll(environment);
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                int rc = p.waitFor();
                String lastLine = out.substring(out.lastIndexOf('\n') + 1);
                if (rc != 0 || !lastLine.startsWith("{")) {
                    String stderr = Files.readString(err).strip();
                    String tail = stderr.substring(Math.max(0, stderr.length() - STDERR_TAIL)).replace('\n', ' ');
                    throw new IllegalStateException(what + " failed (exit " + rc + "): " + tail);
                }
                return JSON.readTree(lastLine);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(what + ": could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    /** The numbers of a JSON array field. */
    static double[] doubles(JsonNode node, String field) {
        JsonNode a = node.path(field);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
