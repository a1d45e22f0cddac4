package dev.resface.web;

import dev.resface.BadInputException;
import dev.resface.editing.Editor;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The trained runs the server edits with: the immediate subfolders of one folder that hold a run, each loaded once
 * at startup to check it. A run's id is its folder name, and a request can only name an id from this list: nothing a
 * client sends is ever turned into a path.
 */
public final class RunCatalog {
    /** Ids are safe in a URL, a JSON string, a log line and a file name as they are; none is "." or "..". */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    /** One run as the API lists it; {@code folder} stays on the server. */
    public record Run(String id, Path folder, String attribute, String method, int size, long iteration) {}

    private final Map<String, Run> runs;

    private RunCatalog(Map<String, Run> runs) {
        this.runs = Collections.unmodifiableMap(runs);
    }

    /**
     * Every run under {@code dir}, sorted by id. A folder that holds a run but cannot be used (its name is not a
     * valid id, or its checkpoint does not load) is left out with a warning, so one broken run does not keep the
     * others offline; none at all is the user's error.
     */
    public static RunCatalog scan(Path dir, ServerLog log) {
        if (!Files.isDirectory(dir)) {
            throw BadInputException.at(dir, "not found: give the folder that holds your run folders");
        }
        Map<String, Run> runs = new LinkedHashMap<>();
        for (Path folder : subfolders(dir)) {
            RunFolder run = new RunFolder(folder);
            if (!Files.isRegularFile(run.config()) || !Files.isRegularFile(run.checkpoint())) {
                continue;
            }
            String id = folder.getFileName().toString();
            if (!ID.matcher(id).matches()) {
                log.warn("skipping run " + folder + ": its folder name is not an id (at most 64 letters, digits,"
                        + " . _ and -, not starting with .)");
                continue;
            }
            try (Editor editor = Editor.open(folder)) {
                RunConfig c = editor.config();
                runs.put(id, new Run(id, folder, c.train().attribute().celebaName(), c.method(),
                        c.model().imageSize(), editor.iteration()));
            } catch (RuntimeException e) {
                log.warn("skipping run " + folder + ": " + e.getMessage());
            }
        }
        if (runs.isEmpty()) {
            String hint = Files.isRegularFile(new RunFolder(dir).config())
                    ? "it is a run itself; give the folder above it" : "no usable run folder (config.json and checkpoint.bin) in it";
            throw BadInputException.at(dir, hint);
        }
        return new RunCatalog(runs);
    }

    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw BadInputException.at(dir, "cannot list: " + e.getMessage());
        }
    }

    public List<Run> runs() {
        return List.copyOf(runs.values());
    }

    public Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }
}
