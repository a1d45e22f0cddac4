package dev.resface.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.Connection;

/**
 * Cuts off request bodies that arrive slower than the minimum rate: four times a second it compares each watched
 * upload's bytes so far with what the rate asks after a one-second grace, and closes the connection of one that is
 * behind. Jetty's own minimum data rate (HttpConfiguration) did not cut a body sent a byte a second in 30 s here, as
 * its servlet layer reads multipart bodies.
 */
final class UploadWatch implements AutoCloseable {
    private static final long GRACE_NANOS = 1_000_000_000L;
    private final long bytesPerSecond;
    private final ServerLog log;
    private final Map<Connection, Upload> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "resface-upload-watch");
        t.setDaemon(true);
        return t;
    });

    private record Upload(long startNanos, long startBytes) {}

    /** One watched body; closing it ends the watch. */
    interface Watched extends AutoCloseable {
        @Override
        void close();
    }

    UploadWatch(long bytesPerSecond, ServerLog log) {
        this.bytesPerSecond = bytesPerSecond;
        this.log = log;
        if (bytesPerSecond > 0) {
            clock.scheduleWithFixedDelay(this::cutSlowOnes, 250, 250, TimeUnit.MILLISECONDS);
        }
    }

    /** Watches the body of this request until the returned handle is closed. */
    Watched watch(Context ctx) {
        if (bytesPerSecond <= 0) {
            return () -> { };
        }
        Connection c = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection();
        watched.put(c, new Upload(System.nanoTime(), c.getBytesIn()));
        return () -> watched.remove(c);
    }

    private void cutSlowOnes() {
        long now = System.nanoTime();
        watched.forEach((c, u) -> {
            long late = now - u.startNanos() - GRACE_NANOS;
            long received = c.getBytesIn() - u.startBytes();
            if (late > 0 && received < bytesPerSecond * late / 1_000_000_000L) {
                watched.remove(c);
                log.warn("cut off an upload from " + c.getEndPoint().getRemoteSocketAddress() + ": " + received
                        + " bytes in " + (now - u.startNanos()) / 1_000_000 + " ms, under " + bytesPerSecond + " bytes/s");
                c.getEndPoint().close();
            }
        });
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
