package dev.resface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.web.ClientLimits;
import dev.resface.web.MultipartBody;
import dev.resface.web.ServeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probes of an attacker on the same machine, over real sockets: a foreign Host or Origin, uploads that trickle,
 * one address opening many connections. Each failed on the server before these limits.
 */
class ServeGuardTest {
    @TempDir
    static Path dir;
    static ServeTesting.Server server;
    static ServeTesting.Server capped;

    @BeforeAll
    static void start() {
        Path runs = ServeTesting.trainRuns(dir);
        server = ServeTesting.start(runs, ServeConfig.defaults().withClients(new ClientLimits(32, 16 << 10, 5,
                List.of("resface.test"), List.of("http://tool.example:3000"))));
        capped = ServeTesting.start(runs, ServeConfig.defaults().withClients(new ClientLimits(3, 16 << 10, 5,
                List.of(), List.of())));
    }

    @AfterAll
    static void stop() {
        for (ServeTesting.Server s : new ServeTesting.Server[] {server, capped}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void onlyTheServersOwnNamesAreAnswered() throws Exception {
        int port = server.server().port();
        for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "resface.test:" + port}) {
            assertThat(status(exchange(server, get("/api/runs", host, null)))).as(host).isEqualTo(200);
        }
        String rebound = exchange(server, get("/api/runs", "evil.example:" + port, null));
        assertThat(status(rebound)).isEqualTo(403);
        assertThat(rebound).contains("this server does not answer for Host 'evil.example:" + port + "'", "--allow-host")
                .doesNotContain("glasses-a");
    }

    @Test
    void aPageElsewhereCannotDriveTheServer() throws Exception {
        int port = server.server().port();
        String host = "127.0.0.1:" + port;
        String foreign = exchange(server, edit(host, "http://evil.example"));
        assertThat(status(foreign)).isEqualTo(403);
        assertThat(foreign).contains("requests from pages at Origin 'http://evil.example' are refused", "--allow-origin");
        assertThat(status(exchange(server, edit(host, "null")))).isEqualTo(403);
        assertThat(status(exchange(server, get("/api/runs", host, "http://evil.example")))).isEqualTo(403);
        // Its own page, and the one origin the operator allowed.
        assertThat(status(exchange(server, edit(host, "http://127.0.0.1:" + port)))).isEqualTo(200);
        assertThat(status(exchange(server, edit(host, "http://tool.example:3000")))).isEqualTo(200);
        assertThat(server.log()).doesNotContain("POST /api/edit 500");
    }

    /**
     * Before, five bodies sent a byte every five seconds held every admission (queue 4 + 1 worker) and every other
     * edit got 503 for as long as they kept sending. Now the trickles hold no admission, and each is cut off within
     * about two seconds.
     */
    @Test
    void uploadsThatTrickleInLockNobodyOut() throws Exception {
        int port = server.server().port();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<String>> trickles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            trickles.add(pool.submit(() -> trickle(server, port)));
        }
        Thread.sleep(4000);
        assertThat(status(exchange(server, edit("127.0.0.1:" + port, null)))).isEqualTo(200);
        for (Future<String> t : trickles) {
            String answer = t.get(30, TimeUnit.SECONDS);
            assertThat(answer).as("cut off without an answer").isEmpty();
        }
        pool.shutdownNow();
        assertThat(server.log()).contains("cut off an upload from /127.0.0.1:");
    }

    @Test
    void oneAddressCannotHoldEveryConnection() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                idle.add(new Socket("127.0.0.1", capped.server().port()));
            }
            Thread.sleep(300);
            try (Socket fourth = new Socket("127.0.0.1", capped.server().port())) {
                fourth.setSoTimeout(5000);
                assertThat(fourth.getInputStream().read()).as("the fourth connection is closed at once").isEqualTo(-1);
            }
            idle.remove(0).close();
            Thread.sleep(300);
            assertThat(status(exchange(capped, get("/api/runs", "127.0.0.1", null)))).isEqualTo(200);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    /** Headers of a 100 kB upload, then one byte a second for 20 s; what the server answered, "" if it hung up. */
    private static String trickle(ServeTesting.Server s, int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/edit HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: multipart/form-data;"
                    + " boundary=x\r\nContent-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 20; i++) {
                try {
                    out.write('-');
                    out.flush();
                    Thread.sleep(1000);
                } catch (IOException | InterruptedException gone) {
                    break;
                }
                if (socket.getInputStream().available() > 0) {
                    break;
                }
            }
            return readAll(socket.getInputStream());
        } catch (IOException reset) {
            return "";
        }
    }

    private static byte[] get(String path, String host, String origin) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] edit(String host, String origin) {
        MultipartBody body = new MultipartBody().field("sample", "sample2").field("run", "glasses-a")
                .field("direction", "add");
        byte[] content = body.bytes();
        String head = "POST /api/edit HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin
                + "\r\n") + "Content-Type: " + body.contentType() + "\r\nContent-Length: " + content.length
                + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static String exchange(ServeTesting.Server s, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.server().port())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // What came before the reset or the wait is the answer.
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static int status(String response) {
        assertThat(response).as("an HTTP answer").startsWith("HTTP/1.1 ");
        return Integer.parseInt(response.substring(9, 12));
    }
}
