package dev.resface.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.data.SourceImages;
import dev.resface.engine.Machine;
import dev.resface.image.ImageFiles;
import dev.resface.image.RgbImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times {@code POST /api/edit} end to end, the way the page calls it (an upload, the JSON answer with both images),
 * on a one-face photo and on a group photo, one request at a time; prints p50 and p95, asserts nothing.
 */
public final class ServeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "sample1";
    private static final int WARM_UP = 2;

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;
    private final String run;

    /** @param run the id of the run every request edits with */
    public ServeBenchmark(URI base, String run) {
        this.base = base;
        this.run = run;
    }

    public void run(int requests, PrintStream out) {
        byte[] group = get("api/samples/" + GROUP);
        byte[] one = oneFacePhoto();
        out.printf("serve: POST /api/edit with run %s, add at strength 1, %d sequential requests after %d warm-up;"
                + " a new photo each time (one pixel apart), then the same photo again (as the page's slider sends it)%n",
                run, requests, WARM_UP);
        time("one face", one, requests, out);
        time("group photo (" + GROUP + ")", group, requests, out);
        out.println(Machine.current().line());
    }

    /**
     * The first face of the group photo with half a face of margin on every side, as a JPEG: the faces of
     * {@value #GROUP} are far enough apart that the crop holds no other.
     */
    public byte[] oneFacePhoto() {
        byte[] group = get("api/samples/" + GROUP);
        JsonNode box = post(new MultipartBody().field("sample", GROUP).field("run", run).field("direction", "add")
                .field("strength", "0")).get("faces").get(0).get("box");
        try {
            RgbImage photo = SourceImages.decodePhoto(group, Long.MAX_VALUE);
            double w = box.get("width").asDouble();
            double h = box.get("height").asDouble();
            int x0 = (int) Math.max(0, box.get("x").asDouble() - w / 2);
            int y0 = (int) Math.max(0, box.get("y").asDouble() - h / 2);
            int x1 = (int) Math.min(photo.width(), box.get("x").asDouble() + 1.5 * w);
            int y1 = (int) Math.min(photo.height(), box.get("y").asDouble() + 1.5 * h);
            RgbImage crop = RgbImage.blank(x1 - x0, y1 - y0);
            for (int y = y0; y < y1; y++) {
                System.arraycopy(photo.pixels(), (y * photo.width() + x0) * 3, crop.pixels(), (y - y0) * crop.width() * 3,
                        crop.width() * 3);
            }
            return ImageFiles.jpeg(crop.toBufferedImage(), 0.95f);
        } catch (SourceImages.BadImageException | IOException e) {
            throw new IllegalStateException("cannot crop a face out of " + GROUP, e);
        }
    }

    private void time(String what, byte[] photo, int requests, PrintStream out) {
        List<byte[]> fresh = new ArrayList<>();
        for (int i = 0; i < WARM_UP + requests; i++) {
            fresh.add(onePixelApart(photo, i));
        }
        double[] first = new double[requests];
        double[] again = new double[requests];
        JsonNode answer = null;
        for (int i = -WARM_UP; i < requests; i++) {
            long t0 = System.nanoTime();
            answer = edit(fresh.get(i + WARM_UP));
            long t1 = System.nanoTime();
            edit(photo);
            if (i >= 0) {
                first[i] = (t1 - t0) / 1e6;
                again[i] = (System.nanoTime() - t1) / 1e6;
            }
        }
        out.printf("  %s, %dx%d, %d face(s): a new photo %s; the same photo again %s%n", what,
                answer.get("width").asInt(), answer.get("height").asInt(), answer.get("faces").size(),
                summary(first), summary(again));
    }

    private JsonNode edit(byte[] photo) {
        return post(new MultipartBody().file("photo", "photo.jpg", "image/jpeg", photo).field("run", run)
                .field("direction", "add").field("strength", "1"));
    }

    private static String summary(double[] ms) {
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms (min %.0f, max %.0f)", percentile(ms, 0.50),
                percentile(ms, 0.95), ms[0], ms[ms.length - 1]);
    }

    /** The photo with its top-left 2x2 pixels painted a colour of its own: a photo the server has not seen. */
    private static byte[] onePixelApart(byte[] jpeg, int i) {
        try {
            RgbImage p = SourceImages.decodePhoto(jpeg, Long.MAX_VALUE);
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    p.set(x, y, 0, i * 37 % 256);
                    p.set(x, y, 1, i * 91 % 256);
                    p.set(x, y, 2, 255 - i % 256);
                }
            }
            return ImageFiles.jpeg(p.toBufferedImage(), 0.95f);
        } catch (SourceImages.BadImageException | IOException e) {
            throw new IllegalStateException("cannot repaint the benchmark's photo", e);
        }
    }

    /** Nearest rank of sorted values. */
    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.max(0, Math.ceil(p * sorted.length) - 1)];
    }

    private byte[] get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).build());
    }

    private JsonNode post(MultipartBody body) {
        try {
            return JSON.readTree(send(body.post(base.resolve("api/edit")).build()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode()
                        + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
