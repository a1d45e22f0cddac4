package dev.resface.web;

import dev.resface.photo.OutputNames;
import dev.resface.photo.PhotoOutputs;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/** The handlers of the JSON API; docs/serve.md documents what each answers. */
final class EditApi {
    /** How much of a refused request's body is read and dropped, in upload limits (a photo a bit too large). */
    private static final long DRAINED_UPLOADS = 2;
    /** How long a refused request's body is read for at most. */
    private static final long DRAIN_MILLIS = 2000;
    private final ServeConfig config;
    private final RunCatalog catalog;
    private final SamplePhotos samples;
    private final EditQueue<EditWorker> queue;
    private final ServerLog log;
    private final Semaphore uploads;
    private final UploadWatch watch;

    EditApi(ServeConfig config, RunCatalog catalog, SamplePhotos samples, EditQueue<EditWorker> queue, UploadWatch watch,
            ServerLog log) {
        this.config = config;
        this.catalog = catalog;
        this.samples = samples;
        this.queue = queue;
        this.log = log;
        this.uploads = new Semaphore(config.clients().uploadsAtOnce());
        this.watch = watch;
    }

    void runs(Context ctx) {
        ctx.json(catalog.runs().stream().map(r -> {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("id", r.id());
            run.put("attribute", r.attribute());
            run.put("method", r.method());
            run.put("size", r.size());
            run.put("iteration", r.iteration());
            return run;
        }).toList());
    }

    void samples(Context ctx) {
        ctx.json(samples.all().stream().map(s -> Map.of("id", s.id(), "name", s.name())).toList());
    }

    void sample(Context ctx) {
        String id = ctx.pathParam("id");
        SamplePhotos.Sample s = samples.find(id)
                .orElseThrow(() -> new ApiError(404, "unknown sample " + ApiError.quote(id) + "; GET /api/samples lists them"));
        ctx.header("Cache-Control", "public, max-age=86400").contentType("image/jpeg").result(s.jpeg());
    }

    /**
     * The body is read before admission, so a client that sends it slowly holds no admission, only one of the upload
     * slots, and not for long ({@link UploadWatch} cuts a body slower than the minimum rate); the declared length is
     * checked first and a request that finds no slot is refused unread, so uploads never take more memory than the
     * slots allow.
     */
    void edit(Context ctx) throws InterruptedException {
        boolean download;
        try {
            download = download(ctx.queryParam("download"));
            if (ctx.req().getContentLengthLong() > config.maxUploadBytes()) {
                throw tooLarge(config);
            }
        } catch (ApiError e) {
            throw unread(ctx, e);
        }
        if (!uploads.tryAcquire()) {
            throw unread(ctx, busy());
        }
        try {
            EditForm.Fields form;
            try (UploadWatch.Watched body = watch.watch(ctx)) {
                form = EditForm.read(ctx, config, catalog, samples);
            }
            answer(ctx, form, download);
        } finally {
            uploads.release();
        }
    }

    private void answer(Context ctx, EditForm.Fields form, boolean download) throws InterruptedException {
        EditWorker.Result result;
        try (EditQueue<EditWorker>.Ticket ticket = queue.admit()) {
            result = ticket.run((w, stop) -> w.edit(form.request(), stop), config.requestTimeout());
        } catch (EditQueue.Busy e) {
            throw busy();
        } catch (EditQueue.TimedOut e) {
            Duration t = config.requestTimeout();
            throw new ApiError(503, "the edit did not finish within " + (t.toMillis() < 1000 ? t.toMillis() + " ms"
                    : t.toSeconds() + " s") + "; try again later or with a smaller photo");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiError refused) {
                throw refused;
            }
            if (e.getCause() instanceof OutOfMemoryError) {
                // The photo is within the limits but the heap is not: the operator's to fix, the user's to work around.
                log.warn("an edit ran out of memory (heap " + EditServer.gigabytes(Runtime.getRuntime().maxMemory())
                        + "): lower --max-megapixels or give java more (RESFACE_JAVA_OPTS=-Xmx...)");
                throw new ApiError(503, "the server does not have the memory to edit this photo now; try a smaller one");
            }
            throw new IllegalStateException("the edit failed", e.getCause());
        }
        String file = OutputNames.editedPhoto(form.stem(), PhotoOutputs.Format.PNG);
        if (download) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"").contentType("image/png")
                    .result(result.editedPng());
            return;
        }
        EditWorker.Request r = form.request();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("width", result.width());
        json.put("height", result.height());
        json.put("faces", result.faces());
        json.put("edited", dataUrl(result.editedPng()));
        json.put("change", dataUrl(result.changePng()));
        json.put("runs", r.runs());
        json.put("direction", r.direction().id());
        json.put("strength", r.strength());
        json.put("file", file);
        ctx.json(json);
    }

    private static ApiError busy() {
        return new ApiError(503, "the server is busy with other edits; try again in a few seconds");
    }

    /**
     * A refusal answered before the body was read. The client may still be sending it, and a connection closed
     * under a sending client is reset, which loses the answer: so the body is read to its end into a small buffer
     * and dropped, up to {@value #DRAINED_UPLOADS} upload limits and {@value #DRAIN_MILLIS} ms; a longer or slower
     * one is left and the connection closed.
     */
    private ApiError unread(Context ctx, ApiError refusal) {
        long most = DRAINED_UPLOADS * config.maxUploadBytes();
        if (ctx.req().getContentLengthLong() <= most) {
            long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
            try (InputStream in = ctx.req().getInputStream()) {
                byte[] buffer = new byte[8192];
                long read = 0;
                int n = 0;
                while (read <= most && System.nanoTime() < deadline && (n = in.read(buffer)) != -1) {
                    read += n;
                }
                if (n == -1) {
                    return refusal;
                }
            } catch (IOException e) {
                // The client is gone, or sent a broken body: nothing to keep the connection for.
            }
        }
        ctx.header("Connection", "close");
        return refusal;
    }

    static ApiError tooLarge(ServeConfig config) {
        return new ApiError(413, "upload too large: the request may be at most " + config.maxUploadBytes()
                + " bytes (" + String.format(Locale.ROOT, "%.1f", config.maxUploadBytes() / 1048576.0) + " MiB)");
    }

    private static boolean download(String value) {
        if (value == null) {
            return false;
        }
        if (value.equals("1")) {
            return true;
        }
        throw new ApiError(400, "download must be 1 or left out, got " + ApiError.quote(value));
    }

    private static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
