package dev.resface.web;

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

/** The handlers of the JSON API; the README (its "resface serve" section) documents what each answers. */
final class EditApi {
    /** How much of a refused request's body is read and dropped, in upload limits (a photo a bit too large). */
    private static final long DRAINED_UPLOADS = 2;
    private final ServeConfig config;
    private final RunCatalog catalog;
    private final SamplePhotos samples;
    private final EditQueue<EditWorker> queue;
    private final ServerLog log;

    EditApi(ServeConfig config, RunCatalog catalog, SamplePhotos samples, EditQueue<EditWorker> queue, ServerLog log) {
        this.config = config;
        this.catalog = catalog;
        this.samples = samples;
        this.queue = queue;
        this.log = log;
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
     * Admission comes before the body is buffered, and the body's declared length before admission: a request the
     * server refuses never takes memory.
     */
    void edit(Context ctx) throws InterruptedException {
        boolean download;
        EditQueue<EditWorker>.Ticket admitted;
        try {
            download = download(ctx.queryParam("download"));
            if (ctx.req().getContentLengthLong() > config.maxUploadBytes()) {
                throw tooLarge(config);
            }
            admitted = queue.admit();
        } catch (EditQueue.Busy e) {
            throw unread(ctx, new ApiError(503, "the server is busy with other edits; try again in a few seconds"));
        } catch (ApiError e) {
            throw unread(ctx, e);
        }
        EditForm.Fields form;
        EditWorker.Result result;
        try (EditQueue<EditWorker>.Ticket ticket = admitted) {
            form = EditForm.read(ctx, config, catalog, samples);
            result = ticket.run(w -> w.edit(form.request()), config.requestTimeout());
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
        String file = PhotoOutputs.editedName(form.stem(), PhotoOutputs.Format.PNG);
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

    /**
     * A refusal answered before the body was read. The client may still be sending it, and a connection closed
     * under a sending client is reset, which loses the answer: so the body is read to its end into a small buffer
     * and dropped, up to {@value #DRAINED_UPLOADS} upload limits; a longer one is left and the connection closed.
     */
    private ApiError unread(Context ctx, ApiError refusal) {
        long most = DRAINED_UPLOADS * config.maxUploadBytes();
        if (ctx.req().getContentLengthLong() <= most) {
            try (InputStream in = ctx.req().getInputStream()) {
                byte[] buffer = new byte[8192];
                long read = 0;
                int n;
                while (read <= most && (n = in.read(buffer)) != -1) {
                    read += n;
                }
                if (read <= most) {
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
