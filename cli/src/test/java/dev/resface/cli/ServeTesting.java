package dev.resface.cli;

import static dev.resface.cli.CommandLineErrorsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.engine.Torch;
import dev.resface.web.EditServer;
import dev.resface.web.RunCatalog;
import dev.resface.web.SamplePhotos;
import dev.resface.web.ServeConfig;
import dev.resface.web.ServerLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What the serve tests share: two tiny trained runs, and a server on a free port whose log the test can read. */
final class ServeTesting {
    static final Path FACE_API = EvalCommandTest.FACE_API;
    static final Path PREDICTOR = new PredictorOption().file;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ServeTesting() {}

    /**
     * Two runs of one iteration from a random last conv (edits that show, unlike a zero-initialised G's) on 20
     * SynthFaces, as {@code DIR/runs/glasses-a} and {@code glasses-b}; returns {@code DIR/runs}. A few seconds.
     */
    static Path trainRuns(Path dir) {
        Path data = dir.resolve("synth");
        assertThat(run("synth", "--out", data.toString(), "--count", "20").code()).isZero();
        Path runs = dir.resolve("runs");
        for (String id : new String[] {"glasses-a", "glasses-b"}) {
            var o = run("train", "--data", data.toString(), "--attribute", "Eyeglasses", "--out",
                    runs.resolve(id).toString(), "--preset", "cpu", "--size", "32", "--iterations", "1", "--batch", "2",
                    "--no-zero-init-last", "--seed", id.endsWith("a") ? "1" : "2");
            assertThat(o.code()).as(o.err()).isZero();
        }
        return runs;
    }

    /** A running server and everything it logged. */
    record Server(EditServer server, ByteArrayOutputStream logged) implements AutoCloseable {
        URI uri(String path) {
            return server.uri().resolve(path);
        }

        String log() {
            return logged.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    static Server start(Path runs, ServeConfig config) {
        Torch.start();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        ServerLog log = new ServerLog(new PrintStream(logged, true, StandardCharsets.UTF_8));
        EditServer server = EditServer.start(config.withPort(0), RunCatalog.scan(runs, log), SamplePhotos.load(FACE_API),
                FACE_API, PREDICTOR, log);
        return new Server(server, logged);
    }

    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
