package dev.resface.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The editing page: three static files from the jar, read once; no build step and no URL outside this server. */
final class Page {
    private final byte[] html;
    private final byte[] script;
    private final byte[] style;

    private Page(byte[] html, byte[] script, byte[] style) {
        this.html = html;
        this.script = script;
        this.style = style;
    }

    static Page load() {
        return new Page(resource("index.html"), resource("app.js"), resource("style.css"));
    }

    void html(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    void script(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }

    void style(Context ctx) {
        ctx.contentType("text/css; charset=utf-8").result(style);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream("page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("page/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
