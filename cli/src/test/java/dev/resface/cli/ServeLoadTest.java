package dev.resface.cli;

import static dev.resface.cli.ServeTesting.send;
import static dev.resface.cli.ServeTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.web.MultipartBody;
import dev.resface.web.ServeBenchmark;
import dev.resface.web.ServeConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 edits of a one-face photo, 8 at a time, against one worker and a queue of 4: every answer is an edit or a 503
 * with Retry-After, nothing goes wrong in the log, and the server answers afterwards.
 */
class ServeLoadTest {
    static final int REQUESTS = 200;
    static final int AT_A_TIME = 8;
    /** Far less than the Retry-After a client is asked for, so the queue stays full; long enough that edits get done. */
    static final long PAUSE_AFTER_503_MS = 100;
    @TempDir
    static Path dir;
    static ServeTesting.Server server;
    static byte[] oneFace;

    @BeforeAll
    static void start() {
        server = ServeTesting.start(ServeTesting.trainRuns(dir), ServeConfig.defaults());
        oneFace = new ServeBenchmark(server.server().uri(), "glasses-a").oneFacePhoto();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBurstGetsEditsOr503sAndNothingElse() throws Exception {
        HttpRequest edit = new MultipartBody().file("photo", "face.jpg", "image/jpeg", oneFace).field("run", "glasses-a")
                .field("direction", "add").field("strength", "1").post(server.uri("api/edit")).build();
        JsonNode first = new ObjectMapper().readTree(send(edit).body());
        assertThat(first.get("faces")).as("the crop holds one face").hasSize(1);

        ExecutorService clients = Executors.newFixedThreadPool(AT_A_TIME);
        List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(clients.submit(() -> {
                    HttpResponse<byte[]> r = send(edit);
                    if (r.statusCode() == 503) {
                        Thread.sleep(PAUSE_AFTER_503_MS);
                    }
                    return r;
                }));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<byte[]>> f : answers) {
                HttpResponse<byte[]> r = f.get(2, TimeUnit.MINUTES);
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 503) {
                    assertThat(r.headers().firstValue("Retry-After")).isPresent();
                    assertThat(text(r)).contains("the server is busy");
                } else {
                    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
                    assertThat(text(r)).startsWith("{\"width\":" + first.get("width").asInt() + ",");
                }
            }
            System.err.printf("%d requests, %d at a time, in %.1f s: %s%n", REQUESTS, AT_A_TIME,
                    (System.nanoTime() - t0) / 1e9, statuses);
            assertThat(statuses.keySet()).isSubsetOf(200, 503);
            // The first requests of the burst fill the worker and the queue, and those are never turned away.
            assertThat(statuses.getOrDefault(200, 0)).isGreaterThanOrEqualTo(5);
        } finally {
            clients.shutdownNow();
        }
        assertThat(send(HttpRequest.newBuilder(server.uri("api/runs")).build()).statusCode()).isEqualTo(200);
        assertThat(send(edit).statusCode()).isEqualTo(200);
        assertThat(server.log()).doesNotContain("ERROR").doesNotContain("\tat ")
                .contains("POST /api/edit 503");
    }
}
