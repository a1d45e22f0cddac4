package dev.resface.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's error mapping on routes that fail in ways no good request can make the real API fail: an unexpected
 * exception or a JVM error ends in 500 "internal error" with the details in the log only.
 */
class EditServerErrorsTest {
    static final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    static final HttpClient client = HttpClient.newHttpClient();
    static Javalin app;

    @BeforeAll
    static void start() {
        ServerLog log = new ServerLog(new PrintStream(logged, true, StandardCharsets.UTF_8));
        app = Javalin.create(c -> {
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.startup.showJavalinBanner = false;
            c.http.prefer405over404 = true;
            c.routes.get("/bug", ctx -> {
                throw new IllegalStateException("secret detail of a bug");
            });
            c.routes.get("/fatal", ctx -> {
                throw new AssertionError("secret detail of an error");
            });
            c.routes.get("/busy", ctx -> {
                throw new ApiError(503, "busy");
            });
            EditServer.mapErrors(c, log);
        }).start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWhoseDetailsOnlyTheLogSees() throws Exception {
        for (String path : new String[] {"/bug", "/fatal"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(500);
            assertThat(r.body()).as(path).isEqualTo("{\"error\":\"internal error\"}");
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        }
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("ERROR GET /bug failed", "secret detail of a bug", "secret detail of an error", "\tat ")
                .contains("INFO  GET /bug 500");
    }

    @Test
    void refusalsKeepTheirStatusAndMessage() throws Exception {
        HttpResponse<String> busy = get("/busy");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.body()).isEqualTo("{\"error\":\"busy\"}");
        assertThat(busy.headers().firstValue("Retry-After")).hasValue(String.valueOf(EditServer.RETRY_AFTER_SECONDS));
        HttpResponse<String> missing = get("/nothing%0Ahere");
        assertThat(missing.statusCode()).isEqualTo(404);
        // The path as sent, still encoded: a client cannot forge a line of the log with it.
        assertThat(missing.body()).isEqualTo("{\"error\":\"not found: GET '/nothing%0Ahere'\"}");
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("GET /nothing%0Ahere 404");
    }
}
