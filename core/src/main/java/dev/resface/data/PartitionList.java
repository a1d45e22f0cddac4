package dev.resface.data;

import dev.resface.BadInputException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parsed {@code list_eval_partition.txt}: lines {@code 000001.jpg 0} (0 train, 1 validation, 2 test). */
public final class PartitionList {
    /** Where an image is listed: its partition and, for messages, its line. */
    private record Listed(Partition partition, int line) {}

    private final Path file;
    private final Map<String, Listed> partitions;

    private PartitionList(Path file, Map<String, Listed> partitions) {
        this.file = file;
        this.partitions = partitions;
    }

    public static PartitionList read(Path file) {
        List<String> lines = CelebaText.readLines(file, "partition list " + CelebaLayout.PARTITION);
        Map<String, Listed> map = new HashMap<>(Math.max(16, lines.size() * 2));
        for (CelebaText.Row row : CelebaText.rows(lines, 0)) {
            int lineNo = row.lineNo();
            String[] t = row.tokens();
            if (t.length != 2) {
                throw BadInputException.at(file, lineNo, "expected '<image> <0|1|2>', got '"
                        + CelebaText.shorten(row.text().trim()) + "'");
            }
            Partition p = switch (t[1]) {
                case "0" -> Partition.TRAIN;
                case "1" -> Partition.VALIDATION;
                case "2" -> Partition.TEST;
                default -> throw BadInputException.at(file, lineNo, "partition '" + CelebaText.shorten(t[1])
                        + "' of " + t[0] + " is not 0 (train), 1 (validation) or 2 (test)");
            };
            Listed first = map.putIfAbsent(t[0], new Listed(p, lineNo));
            if (first != null) {
                throw BadInputException.at(file, lineNo, "duplicate image " + t[0] + " (first on line " + first.line()
                        + ")");
            }
        }
        return new PartitionList(file, map);
    }

    public Path file() {
        return file;
    }

    public int size() {
        return partitions.size();
    }

    /** The partition of an image, or null if the file does not list it. */
    public Partition of(String imageName) {
        Listed listed = partitions.get(imageName);
        return listed == null ? null : listed.partition();
    }

    /** The names the file lists, in no particular order. */
    public Set<String> imageNames() {
        return Collections.unmodifiableSet(partitions.keySet());
    }

    /** The 1-based line that lists {@code imageName}, which must be listed. */
    public int lineOf(String imageName) {
        return partitions.get(imageName).line();
    }
}
