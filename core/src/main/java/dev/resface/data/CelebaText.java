package dev.resface.data;

import dev.resface.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading and splitting CelebA's whitespace-separated text lists (shared by the three parsers). */
final class CelebaText {
    private CelebaText() {}

    /** All lines of {@code file}; a missing or unreadable file is a {@link BadInputException} naming it. */
    static List<String> readLines(Path file, String what) {
        if (!Files.exists(file)) {
            throw BadInputException.at(file, "file not found (expected the CelebA " + what + ")");
        }
        if (Files.isDirectory(file)) {
            throw BadInputException.at(file, "is a folder, expected the CelebA " + what);
        }
        try {
            // ISO-8859-1 never fails to decode; the lists are ASCII.
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw BadInputException.at(file, "file not found (expected the CelebA " + what + ")");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Splits on runs of spaces/tabs (and ignores a trailing '\r'). */
    static String[] tokens(String line) {
        List<String> out = new ArrayList<>(48);
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    /** Parses the image-count first line shared by the attribute and landmark lists. */
    /** One non-blank data line: its 1-based number, its text and its whitespace-separated tokens. */
    record Row(int lineNo, String text, String[] tokens) {}

    /** The non-blank lines from index {@code from} on, as rows. */
    static List<Row> rows(List<String> lines, int from) {
        List<Row> rows = new ArrayList<>(Math.max(0, lines.size() - from));
        for (int l = from; l < lines.size(); l++) {
            if (!isBlank(lines.get(l))) {
                rows.add(new Row(l + 1, lines.get(l), tokens(lines.get(l))));
            }
        }
        return rows;
    }

    /** The header (line 2) of a count-then-header table, split into names; {@code expected} describes it. */
    static String[] header(Path file, List<String> lines, String expected) {
        if (lines.size() < 2 || isBlank(lines.get(1))) {
            throw BadInputException.at(file, 2, "expected " + expected + ", got "
                    + (lines.size() < 2 ? "end of file" : "an empty line"));
        }
        return tokens(lines.get(1));
    }

    static int parseCount(Path file, List<String> lines) {
        if (lines.isEmpty()) {
            throw BadInputException.at(file, 1, "file is empty, expected the image count");
        }
        String text = lines.get(0).trim();
        try {
            int count = Integer.parseInt(text);
            if (count < 0) {
                throw BadInputException.at(file, 1, "image count " + count + " is negative");
            }
            return count;
        } catch (NumberFormatException e) {
            throw BadInputException.at(file, 1, "expected the image count, got '" + shorten(text) + "'");
        }
    }

    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
