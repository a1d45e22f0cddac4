package dev.resface.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.BadInputException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Connector;

/**
 * The edit server: the page at {@code /}, the JSON API under {@code /api}, and one error shape for every refusal,
 * {@code {"error": "..."}} with a 4xx or 503 status, or 500 {@code "internal error"} with the details only in the log.
 * Made for one machine or a trusted network, not the open internet (no TLS, no authentication, no per-user quota):
 * every limit is in {@link ServeConfig}, no client can hold an edit's admission or a thread for long, only this
 * server's names and its own page are served, request data never reaches the file system, and the page may load
 * nothing but this server's own files.
 */
public final class EditServer implements AutoCloseable {
    /**
     * Seconds a refused client is told to wait: about what the default queue takes to drain (five group photos,
     * 0.6 s each on two cores).
     */
    static final int RETRY_AFTER_SECONDS = 5;
    /**
     * Heap one edit may need per pixel of the largest photo: the decoded photo, its edit, the change map in floats,
     * the PNG and its base64 in the answer. Measured: a 40-megapixel edit fails in a 1 GB heap and passes in 2 GB.
     */
    static final long HEAP_BYTES_PER_PIXEL = 40;
    /** Longest piece of a request path written to the log. */
    private static final int LOGGED_PATH = 200;
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final Javalin app;
    private final EditQueue<EditWorker> queue;
    private final UploadWatch watch;
    private final String host;

    private EditServer(Javalin app, EditQueue<EditWorker> queue, UploadWatch watch, String host) {
        this.app = app;
        this.queue = queue;
        this.watch = watch;
        this.host = host;
    }

    /**
     * Opens the workers (each loads the face finder and every run of the catalog), then listens.
     *
     * @param faceApi the installed {@code @vladmandic/face-api}
     * @param predictor dlib's 68-point landmark model
     */
    public static EditServer start(ServeConfig config, RunCatalog catalog, SamplePhotos samples, Path faceApi,
            Path predictor, ServerLog log) {
        long heap = Runtime.getRuntime().maxMemory();
        long need = heapNeeded(config);
        if (heap < need) {
            log.warn("the heap (" + gigabytes(heap) + ") may not hold " + config.workers() + " edit(s) of a "
                    + config.maxPixels() / 1_000_000 + "-megapixel photo and " + config.clients().uploadsAtOnce()
                    + " uploads (about " + gigabytes(need) + "): lower --max-megapixels, --max-upload-mb or"
                    + " --uploads-at-once, or give java more (RESFACE_JAVA_OPTS=-Xmx...)");
        }
        EditQueue<EditWorker> queue = new EditQueue<>(config.workers(), config.queueCapacity(),
                () -> EditWorker.open(faceApi, predictor, catalog, config.maxPixels()), log);
        UploadWatch watch = null;
        try {
            watch = new UploadWatch(config.clients().minUploadBytesPerSecond(), log);
            EditApi api = new EditApi(config, catalog, samples, queue, watch, log);
            Page page = Page.load();
            SameOrigin origin = SameOrigin.of(config.host(), config.clients());
            Javalin app = Javalin.create(c -> configure(c, config, origin, api, page, log));
            try {
                app.start();
            } catch (JavalinBindException e) {
                throw new BadInputException("cannot listen on " + config.host() + ":" + config.port() + ": "
                        + e.getMessage());
            }
            ConnectionsPerAddress perAddress = new ConnectionsPerAddress(config.clients().connectionsPerAddress());
            for (Connector connector : app.jettyServer().server().getConnectors()) {
                connector.addEventListener(perAddress);
            }
            return new EditServer(app, queue, watch, config.host());
        } catch (RuntimeException e) {
            if (watch != null) {
                watch.close();
            }
            queue.close();
            throw e;
        }
    }

    /**
     * Each worker's edit of the largest photo, and each upload held at once: its body as Jetty buffers it and the
     * photo's bytes taken from it.
     */
    private static long heapNeeded(ServeConfig config) {
        return HEAP_BYTES_PER_PIXEL * config.maxPixels() * config.workers()
                + 2 * config.maxUploadBytes() * config.clients().uploadsAtOnce();
    }

    private static void configure(JavalinConfig c, ServeConfig config, SameOrigin origin, EditApi api, Page page,
            ServerLog log) {
        c.jetty.host = config.host();
        c.jetty.port = config.port();
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.http.prefer405over404 = true;
        c.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
        c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages()));
        c.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
        // A photo sent as a plain field (no file name) counts as form content, which Jetty caps at 200 kB.
        c.jetty.modifyServletContextHandler(h -> h.setMaxFormContentSize((int) config.maxUploadBytes()));
        c.routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("Cache-Control", "no-store");
            origin.check(ctx);
        });
        c.routes.get("/", page::html);
        c.routes.get("/app.js", page::script);
        c.routes.get("/style.css", page::style);
        c.routes.get("/api/runs", api::runs);
        c.routes.get("/api/samples", api::samples);
        c.routes.get("/api/samples/{id}", api::sample);
        c.routes.post("/api/edit", api::edit);

        mapErrors(c, log);
    }

    /**
     * The log line of every request, and every failure as {@code {"error": ...}}: an {@link ApiError} with its own
     * status and message, Javalin's 404 and 405 with the request named, and anything else as 500 "internal error",
     * its details in the log alone.
     */
    static void mapErrors(JavalinConfig c, ServerLog log) {
        c.router.javaLangErrorHandler((res, error) -> {
            log.error("fatal error while answering a request", error);
            res.setStatus(500);
            res.setContentType("application/json");
            try {
                res.getOutputStream().write("{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | IllegalStateException ignored) {
                // The client is gone or the answer had begun: the status and the log line are all that is left.
            }
        });
        c.requestLogger.http((ctx, ms) -> log.info(String.format(Locale.ROOT, "%s %s %d %.0f ms", ctx.method(),
                loggable(ctx.path()), ctx.statusCode(), ms)));

        c.routes.exception(ApiError.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage()));
        c.routes.exception(HttpResponseException.class, (e, ctx) -> {
            String request = ctx.method() + " " + ApiError.quote(ctx.path());
            if (e instanceof MethodNotAllowedResponse m) {
                ctx.header("Allow", m.getDetails().getOrDefault("availableMethods", ""));
                answer(ctx, 405, "method not allowed: " + request);
            } else if (e.getStatus() == 404) {
                answer(ctx, 404, "not found: " + request);
            } else {
                answer(ctx, e.getStatus(), e.getMessage());
            }
        });
        c.routes.exception(Exception.class, (e, ctx) -> {
            log.error(ctx.method() + " " + loggable(ctx.path()) + " failed", e);
            answer(ctx, 500, "internal error");
        });
    }

    private static void answer(Context ctx, int status, String message) {
        if (status == 503) {
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        ctx.status(status).json(Map.of("error", message));
    }

    /** A path as the log may show it: no line breaks a client could forge lines with, and bounded. */
    private static String loggable(String path) {
        String p = path.length() > LOGGED_PATH ? path.substring(0, LOGGED_PATH) + "..." : path;
        return p.replaceAll("\\p{Cntrl}", "?");
    }

    static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** The port it listens on, the chosen one when the configuration asked for any (0). */
    public int port() {
        return app.port();
    }

    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port() + "/");
    }

    /** Stops listening, then the workers. */
    @Override
    public void close() {
        app.stop();
        watch.close();
        queue.close();
    }
}
