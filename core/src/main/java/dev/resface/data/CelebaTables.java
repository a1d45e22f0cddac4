package dev.resface.data;

import java.util.Locale;

/** Rows and whole files in CelebA's text formats, for datasets the project writes (SynthFaces, realfaces). */
public final class CelebaTables {
    private CelebaTables() {}

    /** An attribute or landmark file: the count line, the header line, then the rows. */
    public static String table(String header, String[] rows) {
        return rows.length + "\n" + header + "\n" + String.join("\n", rows) + "\n";
    }

    /** The attribute file for {@link CelebaLayout#ATTRIBUTE_NAMES}. */
    public static String attributes(String[] rows) {
        return table(String.join(" ", CelebaLayout.ATTRIBUTE_NAMES), rows);
    }

    /** The landmark file for {@link CelebaLayout#LANDMARK_NAMES}. */
    public static String landmarks(String[] rows) {
        return table(String.join(" ", CelebaLayout.LANDMARK_NAMES), rows);
    }

    /** {@code 000001.jpg -1  1 ...}: values 1 or -1, as CelebA aligns them. */
    public static String attributeRow(String name, int[] values) {
        StringBuilder row = new StringBuilder(name);
        for (int v : values) {
            row.append(' ').append(String.format(Locale.ROOT, "%2d", v));
        }
        return row.toString();
    }

    /** {@code 000001.jpg   69  111 ...}: coordinates rounded to whole pixels, as CelebA gives them. */
    public static String landmarkRow(String name, double[] xy) {
        StringBuilder row = new StringBuilder(name);
        for (double v : xy) {
            row.append(' ').append(String.format(Locale.ROOT, "%4d", Math.round(v)));
        }
        return row.toString();
    }
}
