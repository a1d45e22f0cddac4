package dev.resface.cli;

import static dev.resface.cli.ServeTesting.send;
import static dev.resface.cli.ServeTesting.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.data.SourceImages;
import dev.resface.image.RgbImage;
import dev.resface.web.MultipartBody;
import dev.resface.web.ServeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API of `resface serve` on two tiny trained runs and face-api's group photos: edits and every refusal. */
class ServeApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLE1 = ServeTesting.FACE_API.resolve("demo/sample1.jpg"); // three faces
    @TempDir
    static Path dir;
    static ServeTesting.Server server;

    @BeforeAll
    static void start() {
        server = ServeTesting.start(ServeTesting.trainRuns(dir), ServeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static MultipartBody form(String... fields) {
        MultipartBody body = new MultipartBody();
        for (int i = 0; i < fields.length; i += 2) {
            body.field(fields[i], fields[i + 1]);
        }
        return body;
    }

    static HttpResponse<byte[]> edit(MultipartBody body) {
        return send(body.post(server.uri("api/edit")).build());
    }

    static HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(server.uri(path)).build());
    }

    static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static RgbImage dataUrlImage(JsonNode url) throws Exception {
        String s = url.asText();
        assertThat(s).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(s.substring(s.indexOf(',') + 1));
        return SourceImages.decodePhoto(png, Long.MAX_VALUE);
    }

    @Test
    void listsTheRunsAndTheSamples() throws Exception {
        JsonNode runs = json(get("api/runs"));
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("id").asText()).isEqualTo("glasses-a");
        assertThat(runs.get(1).get("id").asText()).isEqualTo("glasses-b");
        for (JsonNode r : runs) {
            assertThat(r.get("attribute").asText()).isEqualTo("Eyeglasses");
            assertThat(r.get("method").asText()).isEqualTo("residual-gan");
            assertThat(r.get("size").asInt()).isEqualTo(32);
            assertThat(r.get("iteration").asLong()).isEqualTo(1);
        }
        JsonNode samples = json(get("api/samples"));
        assertThat(samples).hasSize(6);
        assertThat(samples.get(0).get("id").asText()).isEqualTo("sample1");
        HttpResponse<byte[]> jpeg = get("api/samples/sample1");
        assertThat(jpeg.statusCode()).isEqualTo(200);
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(jpeg.body()).isEqualTo(Files.readAllBytes(SAMPLE1));
    }

    @Test
    void editsEveryFaceOfAGroupPhotoAtItsOwnSize() throws Exception {
        RgbImage input = SourceImages.readPhoto(SAMPLE1, Long.MAX_VALUE);
        HttpResponse<byte[]> r = edit(form("sample", "sample1", "run", "glasses-a", "direction", "add"));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode j = json(r);
        assertThat(j.get("width").asInt()).isEqualTo(input.width());
        assertThat(j.get("height").asInt()).isEqualTo(input.height());
        assertThat(j.get("faces")).hasSize(3);
        assertThat(j.get("faces").get(0).get("landmarks")).hasSize(68);
        assertThat(j.get("runs").toString()).isEqualTo("[\"glasses-a\"]");
        assertThat(j.get("direction").asText()).isEqualTo("add");
        assertThat(j.get("strength").asDouble()).isEqualTo(1.0);
        assertThat(j.get("file").asText()).isEqualTo("sample1_add_edited.png");
        RgbImage edited = dataUrlImage(j.get("edited"));
        assertThat(edited.width()).isEqualTo(input.width());
        assertThat(edited.height()).isEqualTo(input.height());
        assertThat(edited.pixels()).isNotEqualTo(input.pixels());
        RgbImage change = dataUrlImage(j.get("change"));
        assertThat(change.height()).isLessThanOrEqualTo(480);
        assertThat((double) change.width() / change.height()).isCloseTo(1.5, offset(0.01));

        // Two runs in turn give another edit of the same faces.
        JsonNode both = json(edit(form("sample", "sample1", "run", "glasses-a", "run", "glasses-b", "direction", "add")));
        assertThat(both.get("runs")).hasSize(2);
        assertThat(both.get("faces")).hasSize(3);
        assertThat(dataUrlImage(both.get("edited")).pixels()).isNotEqualTo(edited.pixels());
    }

    @Test
    void anUploadAtStrengthZeroComesBackPixelForPixel() throws Exception {
        RgbImage input = SourceImages.readPhoto(SAMPLE1, Long.MAX_VALUE);
        HttpResponse<byte[]> r = edit(form("run", "glasses-a", "direction", "remove", "strength", "0")
                .file("photo", "group.jpg", "image/jpeg", Files.readAllBytes(SAMPLE1)));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        JsonNode j = json(r);
        assertThat(j.get("faces")).hasSize(3);
        assertThat(j.get("file").asText()).isEqualTo("photo_remove_s0.0_edited.png");
        assertThat(dataUrlImage(j.get("edited")).pixels()).isEqualTo(input.pixels());
    }

    @Test
    void downloadAnswersTheEditedPngItself() throws Exception {
        HttpResponse<byte[]> r = send(form("sample", "sample1", "run", "glasses-b", "direction", "remove",
                "strength", "0.5").post(server.uri("api/edit?download=1")).build());
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(r.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"sample1_remove_s0.5_edited.png\"");
        RgbImage png = SourceImages.decodePhoto(r.body(), Long.MAX_VALUE);
        assertThat(png.width()).isEqualTo(1920);
        assertThat(png.height()).isEqualTo(1280);
    }

    record Refusal(String what, Supplier<HttpRequest> request, int status, String message) {}

    /** A PNG whose header claims 100,000 x 100,000 pixels, in a few dozen bytes: a decompression bomb. */
    static byte[] bomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(100_000).putInt(100_000)
                .put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    static Supplier<HttpRequest> post(MultipartBody body) {
        return () -> body.post(server.uri("api/edit")).build();
    }

    static Supplier<HttpRequest> photo(String fileName, byte[] content, String... fields) {
        return post(form(fields).file("photo", fileName, "image/jpeg", content));
    }

    static Supplier<HttpRequest> request(String method, String path) {
        return () -> HttpRequest.newBuilder(server.uri(path)).method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    static List<Refusal> refusals(String probe) throws IOException {
        byte[] jpeg = Files.readAllBytes(SAMPLE1);
        String[] ok = {"run", "glasses-a", "direction", "add"};
        List<Refusal> cases = new ArrayList<>(List.of(
                new Refusal("not an image", photo(probe + ".txt", "hello".getBytes(), ok), 400,
                        "photo is not a JPEG or PNG image"),
                new Refusal("corrupt JPEG", photo(probe + ".jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
                    (byte) 0xE0, 1, 2, 3, 4, 5}, ok), 400, "photo: corrupt image"),
                new Refusal("truncated JPEG", photo(probe + ".jpg", Arrays.copyOf(jpeg, jpeg.length / 5), ok), 400, "photo: "),
                new Refusal("empty photo", photo(probe + ".jpg", new byte[0], ok), 400, "photo is an empty file"),
                new Refusal("upload over 20 MiB", photo(probe + ".jpg", new byte[(20 << 20) + 1], ok), 413,
                        "upload too large: the request may be at most 20971520 bytes (20.0 MiB)"),
                new Refusal("too many pixels", photo(probe + ".png", bomb(), ok), 413,
                        "photo is 100000x100000 = 10000000000 pixels, more than the limit of 40000000"),
                new Refusal("unknown run", post(form("sample", "sample1", "run", "nope", "direction", "add")), 400,
                        "unknown run 'nope'; GET /api/runs lists them"),
                new Refusal("a path for a run", post(form("sample", "sample1", "run", "../glasses-a", "direction", "add")),
                        400, "unknown run '../glasses-a'"),
                new Refusal("no run", post(form("sample", "sample1", "direction", "add")), 400, "give at least one run"),
                new Refusal("nine runs", post(form("sample", "sample1", "direction", "add", "run", "glasses-a", "run",
                        "glasses-a", "run", "glasses-a", "run", "glasses-a", "run", "glasses-a", "run", "glasses-a", "run",
                        "glasses-a", "run", "glasses-a", "run", "glasses-a")), 400, "at most 8 runs in one edit, got 9"),
                new Refusal("unknown sample", post(form("sample", "sample9", "run", "glasses-a", "direction", "add")), 400,
                        "unknown sample 'sample9'; GET /api/samples lists them"),
                new Refusal("no photo", post(form(ok)), 400, "give a photo (a JPEG or PNG file) or a sample id"),
                new Refusal("photo and sample", photo(probe + ".jpg", jpeg, "sample", "sample1", "run", "glasses-a"), 400,
                        "give a photo or a sample, not both"),
                new Refusal("no direction", post(form("sample", "sample1", "run", "glasses-a")), 400,
                        "direction is missing: add or remove"),
                new Refusal("bad direction", post(form("sample", "sample1", "run", "glasses-a", "direction", "sideways")),
                        400, "direction must be add or remove, got 'sideways'"),
                new Refusal("direction twice", post(form("sample", "sample1", "run", "glasses-a", "direction", "add",
                        "direction", "remove")), 400, "field direction is given more than once"),
                new Refusal("misspelt field", post(form("sample", "sample1", "run", "glasses-a", "direction", "add",
                        "strenght", "1")), 400, "unknown field 'strenght'"),
                new Refusal("not multipart", () -> HttpRequest.newBuilder(server.uri("api/edit"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("sample=sample1&run=glasses-a&direction=add")).build(),
                        415, "POST /api/edit takes multipart/form-data"),
                new Refusal("broken multipart", () -> HttpRequest.newBuilder(server.uri("api/edit"))
                        .header("Content-Type", "multipart/form-data; boundary=xyz")
                        .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nno headers, no end")).build(),
                        400, "the multipart/form-data body cannot be read"),
                new Refusal("bad download flag", () -> form("sample", "sample1", "run", "glasses-a", "direction", "add")
                        .post(server.uri("api/edit?download=yes")).build(), 400, "download must be 1 or left out, got 'yes'"),
                new Refusal("unknown sample file", request("GET", "api/samples/sample9"), 404, "unknown sample 'sample9'"),
                new Refusal("unknown path", request("GET", "api/nothing"), 404, "not found: GET '/api/nothing'"),
                new Refusal("DELETE runs", request("DELETE", "api/runs"), 405, "method not allowed: DELETE '/api/runs'"),
                new Refusal("GET edit", request("GET", "api/edit"), 405, "method not allowed: GET '/api/edit'"),
                new Refusal("PUT edit", request("PUT", "api/edit"), 405, "method not allowed: PUT '/api/edit'")));
        String[] parts = new String[2 * 1002];
        for (int i = 0; i < parts.length; i += 2) {
            parts[i] = "run";
            parts[i + 1] = "glasses-a";
        }
        cases.add(new Refusal("1,002 parts", post(form(parts)), 400, "the form has too many parts; POST /api/edit takes"
                + " photo or sample, run (at most 8 times), direction and strength"));
        for (String s : new String[] {"NaN", "-0.5", "2.5", "2.000000001", "abc", "Infinity", "1e0", "0x1p0", ""}) {
            cases.add(new Refusal("strength " + s, post(form("sample", "sample1", "run", "glasses-a", "direction", "add",
                    "strength", s)), 400, "strength must be a number from 0 to 2, got '" + s + "'"));
        }
        return cases;
    }

    @Test
    void everyBadRequestGetsOneClearMessageAndTheServerKeepsServing() throws Exception {
        String probe = "resface-probe-" + UUID.randomUUID();
        for (Refusal c : refusals(probe)) {
            HttpResponse<byte[]> r = send(c.request().get());
            String body = text(r);
            assertThat(r.statusCode()).as(c.what() + ": " + body).isEqualTo(c.status());
            assertThat(r.headers().firstValue("Content-Type")).as(c.what())
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode j = JSON.readTree(body);
            assertThat(j.size()).as(c.what() + ": " + body).isEqualTo(1);
            assertThat(j.get("error").asText()).as(c.what()).startsWith(c.message());
            assertThat(body).as(c.what()).doesNotContain("Exception", "\\tat ", "javalin", "jetty");
        }
        assertThat(get("api/runs").statusCode()).isEqualTo(200);
        assertThat(server.log()).doesNotContain("ERROR").doesNotContain("\tat ").contains("POST /api/edit 413");
        // Nothing of the requests was left on disk, not even by the multipart parser (which names a spilled part
        // after its file name).
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("java.io.tmpdir")), 4)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(probe)).toList()).isEmpty();
        }
    }

    @Test
    void aJobThatOutlastsTheTimeoutAnswers503AndTheServerCarriesOn() throws Exception {
        Path runs = dir.resolve("runs");
        try (ServeTesting.Server hurried = ServeTesting.start(runs, ServeConfig.defaults()
                .withRequestTimeout(Duration.ofMillis(100)))) {
            HttpResponse<byte[]> r = send(form("sample", "sample1", "run", "glasses-a", "direction", "add")
                    .post(hurried.uri("api/edit")).build());
            assertThat(r.statusCode()).as(text(r)).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(r).get("error").asText()).isEqualTo("the edit did not finish within 100 ms; try again later"
                    + " or with a smaller photo");
            assertThat(send(HttpRequest.newBuilder(hurried.uri("api/runs")).build()).statusCode()).isEqualTo(200);
            assertThat(hurried.log()).doesNotContain("ERROR");
        }
    }
}
