package dev.resface.report;

import dev.resface.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny builder for a self-contained HTML page (inline CSS, no scripts, no external resources other than images
 * referenced by relative path). All text is HTML-escaped; image paths are percent-encoded per segment.
 */
public final class HtmlReport {
    private final String title;
    private final StringBuilder body = new StringBuilder();

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table whose first row is the header row. */
    public HtmlReport table(List<List<String>> rows) {
        return table(rows, true);
    }

    public HtmlReport table(List<List<String>> rows, boolean firstRowIsHeader) {
        body.append("<table>\n");
        for (int i = 0; i < rows.size(); i++) {
            String tag = firstRowIsHeader && i == 0 ? "th" : "td";
            body.append("<tr>");
            for (String cell : rows.get(i)) {
                body.append('<').append(tag).append('>').append(escape(cell)).append("</").append(tag).append('>');
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /**
     * An image by path relative to the HTML file (use '/' or the platform separator; absolute paths and URLs are
     * refused so the report folder stays relocatable), with an optional caption (null for none).
     */
    public HtmlReport image(String relativePath, String caption) {
        if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.startsWith("\\")
                || relativePath.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            throw new IllegalArgumentException("image path must be relative, got " + relativePath);
        }
        String src = encodePath(relativePath.replace('\\', '/'));
        body.append("<figure><img src=\"").append(src).append("\" alt=\"")
                .append(escape(caption == null ? relativePath : caption)).append("\">");
        if (caption != null) {
            body.append("<figcaption>").append(escape(caption)).append("</figcaption>");
        }
        body.append("</figure>\n");
        return this;
    }

    /** A preformatted block (monospace, whitespace kept). */
    public HtmlReport preformatted(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    public String toHtml() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\n"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;"
                + "text-align:left}th{background:#f2f2f2}\n"
                + "pre{background:#f6f6f6;padding:.8em;overflow-x:auto}img{max-width:100%;"
                + "image-rendering:pixelated}figure{margin:1em 0}figcaption{color:#555;font-size:.9em}\n"
                + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }

    /** Writes the page atomically as UTF-8. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toHtml());
    }

    /** Escapes &amp;, &lt;, &gt;, double and single quotes (safe in text and in quoted attributes). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Percent-encodes everything but unreserved characters and '/', byte-wise in UTF-8. */
    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
