package dev.resface.data;

import dev.resface.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed {@code list_attr_celeba.txt}: line 1 the image count, line 2 the attribute names, then one row per image,
 * {@code 000001.jpg -1  1 ...}, values 1 or -1 separated by one or more spaces. Columns are found by header name.
 * Blank lines are ignored.
 */
public final class AttributeTable {
    private final Path file;
    private final List<String> imageNames;
    private final int[] lineNumbers;
    private final List<String> attributeNames;
    private final Map<String, Integer> columns;
    private final byte[] positive; // row-major, 1 where the value is 1

    private AttributeTable(Path file, List<String> imageNames, int[] lineNumbers, List<String> attributeNames,
            Map<String, Integer> columns, byte[] positive) {
        this.file = file;
        this.imageNames = imageNames;
        this.lineNumbers = lineNumbers;
        this.attributeNames = attributeNames;
        this.columns = columns;
        this.positive = positive;
    }

    public static AttributeTable read(Path file) {
        List<String> lines = CelebaText.readLines(file, "attribute list " + CelebaLayout.ATTRIBUTES);
        int declared = CelebaText.parseCount(file, lines);
        String[] header = CelebaText.header(file, lines, "the attribute names header");
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (columns.putIfAbsent(header[c], c) != null) {
                throw BadInputException.at(file, 2, "attribute '" + header[c] + "' appears twice in the header");
            }
        }
        int width = header.length;
        List<String> names = new ArrayList<>(Math.max(16, declared));
        int[] lineNos = new int[Math.max(16, declared)];
        byte[] values = new byte[Math.max(16, declared) * width];
        Map<String, Integer> seen = new HashMap<>(Math.max(16, declared * 2));
        for (CelebaText.Row data : CelebaText.rows(lines, 2)) {
            int lineNo = data.lineNo();
            String[] t = data.tokens();
            if (t.length - 1 != width) {
                throw BadInputException.at(file, lineNo, "expected an image name and " + width + " values, got "
                        + (t.length - 1) + " values");
            }
            String name = t[0];
            Integer first = seen.putIfAbsent(name, lineNo);
            if (first != null) {
                throw BadInputException.at(file, lineNo, "duplicate image " + name + " (first on line " + first + ")");
            }
            int row = names.size();
            if (row == lineNos.length) {
                lineNos = Arrays.copyOf(lineNos, row * 2);
                values = Arrays.copyOf(values, row * 2 * width);
            }
            for (int c = 0; c < width; c++) {
                String v = t[c + 1];
                byte b;
                if (v.equals("1")) {
                    b = 1;
                } else if (v.equals("-1")) {
                    b = 0;
                } else {
                    throw BadInputException.at(file, lineNo, "value '" + CelebaText.shorten(v) + "' for " + header[c]
                            + " is not 1 or -1");
                }
                values[row * width + c] = b;
            }
            lineNos[row] = lineNo;
            names.add(name);
        }
        if (names.size() != declared) {
            throw BadInputException.at(file, 1, "the count line says " + declared + " images but the file lists "
                    + names.size());
        }
        return new AttributeTable(file, Collections.unmodifiableList(names),
                Arrays.copyOf(lineNos, names.size()), List.of(header), Map.copyOf(columns),
                Arrays.copyOf(values, names.size() * width));
    }

    public Path file() {
        return file;
    }

    public int size() {
        return imageNames.size();
    }

    /** Image names in file order. */
    public List<String> imageNames() {
        return imageNames;
    }

    /** The 1-based line of row {@code i} in the file (for error messages). */
    public int lineOf(int i) {
        return lineNumbers[i];
    }

    /** The header's attribute names, in file order. */
    public List<String> attributeNames() {
        return attributeNames;
    }

    /** The column of an attribute by its exact header name; unknown names are a BadInputException at line 2. */
    public int column(String attribute) {
        Integer c = columns.get(attribute);
        if (c == null) {
            throw BadInputException.at(file, 2, "no attribute '" + attribute + "' in the header (it has "
                    + attributeNames.size() + ": " + String.join(" ", attributeNames) + ")");
        }
        return c;
    }

    public boolean label(int i, int column) {
        if (column < 0 || column >= attributeNames.size()) {
            throw new IndexOutOfBoundsException("column " + column);
        }
        return positive[i * attributeNames.size() + column] != 0;
    }

    public boolean label(int i, String attribute) {
        return label(i, column(attribute));
    }
}
