package dev.resface.data;

import dev.resface.BadInputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed {@code list_landmarks_align_celeba.txt}: count line, header line naming the ten coordinates, then
 * {@code 000001.jpg 69 109 106 113 ...}. Columns are found by header name.
 */
public final class LandmarkTable {
    private final Path file;
    private final Map<String, Landmarks> byName;

    private LandmarkTable(Path file, Map<String, Landmarks> byName) {
        this.file = file;
        this.byName = byName;
    }

    public static LandmarkTable read(Path file) {
        List<String> lines = CelebaText.readLines(file, "landmark list " + CelebaLayout.LANDMARKS);
        int declared = CelebaText.parseCount(file, lines);
        String[] header = CelebaText.header(file, lines,
                "the landmark names header (" + String.join(" ", CelebaLayout.LANDMARK_NAMES) + ")");
        List<String> wanted = CelebaLayout.LANDMARK_NAMES;
        int[] source = new int[wanted.size()]; // header column of each wanted coordinate
        for (int w = 0; w < wanted.size(); w++) {
            source[w] = -1;
            for (int c = 0; c < header.length; c++) {
                if (header[c].equals(wanted.get(w))) {
                    source[w] = c;
                }
            }
            if (source[w] < 0) {
                throw BadInputException.at(file, 2, "header lacks '" + wanted.get(w) + "' (expected "
                        + String.join(" ", wanted) + ")");
            }
        }
        Map<String, Landmarks> map = new HashMap<>(Math.max(16, declared * 2));
        Map<String, Integer> firstLine = new HashMap<>(Math.max(16, declared * 2));
        for (CelebaText.Row row : CelebaText.rows(lines, 2)) {
            int lineNo = row.lineNo();
            String[] t = row.tokens();
            if (t.length - 1 != header.length) {
                throw BadInputException.at(file, lineNo, "expected an image name and " + header.length
                        + " coordinates, got " + (t.length - 1));
            }
            int[] xy = new int[wanted.size()];
            for (int w = 0; w < xy.length; w++) {
                String v = t[source[w] + 1];
                try {
                    xy[w] = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw BadInputException.at(file, lineNo, "coordinate " + wanted.get(w) + " = '"
                            + CelebaText.shorten(v) + "' is not an integer");
                }
            }
            Integer first = firstLine.putIfAbsent(t[0], lineNo);
            if (first != null) {
                throw BadInputException.at(file, lineNo, "duplicate image " + t[0] + " (first on line " + first + ")");
            }
            map.put(t[0], new Landmarks(xy));
        }
        if (map.size() != declared) {
            throw BadInputException.at(file, 1, "the count line says " + declared + " images but the file lists "
                    + map.size());
        }
        return new LandmarkTable(file, map);
    }

    public Path file() {
        return file;
    }

    public int size() {
        return byName.size();
    }

    /** The landmarks of an image, or null if the file does not list it. */
    public Landmarks of(String imageName) {
        return byName.get(imageName);
    }
}
