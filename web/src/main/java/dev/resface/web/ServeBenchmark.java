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
import java.util.Arrays;

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
        out.printf("serve: POST /api/edit with run %s, add at strength 1, %d sequential requests after %d warm-up%n",
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
        double[] ms = new double[requests];
        JsonNode answer = null;
        for (int i = -WARM_UP; i < requests; i++) {
            long t0 = System.nanoTime();
            answer = post(new MultipartBody().file("photo", "photo.jpg", "image/jpeg", photo).field("run", run)
                    .field("direction", "add").field("strength", "1"));
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        out.printf("  %s, %dx%d, %d face(s): p50 %.0f ms, p95 %.0f ms (min %.0f, max %.0f)%n", what,
                answer.get("width").asInt(), answer.get("height").asInt(), answer.get("faces").size(),
                percentile(ms, 0.50), percentile(ms, 0.95), ms[0], ms[ms.length - 1]);
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
