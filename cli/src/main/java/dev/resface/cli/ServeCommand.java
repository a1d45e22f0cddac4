package dev.resface.cli;

import dev.resface.engine.Torch;
import dev.resface.web.ClientLimits;
import dev.resface.web.EditServer;
import dev.resface.web.RunCatalog;
import dev.resface.web.SamplePhotos;
import dev.resface.web.ServeConfig;
import dev.resface.web.ServerLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a web page and a JSON API (documented in docs/serve.md) that edit the faces of uploaded photos with"
                + " the runs under a folder. Listens on 127.0.0.1 unless --host says otherwise.")
final class ServeCommand implements Callable<Integer> {
    private static final ServeConfig DEFAULTS = ServeConfig.defaults();

    @Option(names = "--runs", required = true, description = "a folder whose subfolders are runs written by 'resface train'")
    Path runs;

    @Option(names = "--port", description = "port to listen on, 0 for any free one (default ${DEFAULT-VALUE})")
    int port = DEFAULTS.port();

    @Option(names = "--host", description = "address to listen on; 0.0.0.0 for every interface (default ${DEFAULT-VALUE})")
    String host = DEFAULTS.host();

    @Option(names = "--max-upload-mb", description = "largest request body in MiB (default ${DEFAULT-VALUE})")
    double maxUploadMb = DEFAULTS.maxUploadBytes() / 1048576.0;

    @Option(names = "--max-megapixels", description = "largest photo in megapixels, checked before decoding (default ${DEFAULT-VALUE})")
    double maxMegapixels = DEFAULTS.maxPixels() / 1e6;

    @Option(names = "--queue", description = "edits that may wait for a worker; more get 503 (default ${DEFAULT-VALUE})")
    int queue = DEFAULTS.queueCapacity();

    @Option(names = "--workers", description = "edits at once, each worker with its own models (default ${DEFAULT-VALUE})")
    int workers = DEFAULTS.workers();

    @Option(names = "--timeout", description = "seconds from a request's admission (its body arrived) to its answer"
            + " (default ${DEFAULT-VALUE})")
    double timeoutSeconds = DEFAULTS.requestTimeout().toSeconds();

    @Option(names = "--max-runs-per-edit", description = "runs one edit may apply in turn (default ${DEFAULT-VALUE})")
    int maxRunsPerEdit = DEFAULTS.maxRunsPerEdit();

    @Option(names = "--connections-per-address", description = "open connections one client address may hold"
            + " (default ${DEFAULT-VALUE})")
    int connectionsPerAddress = DEFAULTS.clients().connectionsPerAddress();

    @Option(names = "--min-upload-kib-per-s", description = "slowest rate a request body may arrive at, in KiB/s;"
            + " a slower one is cut off, 0 for no limit (default ${DEFAULT-VALUE})")
    double minUploadKibPerSecond = DEFAULTS.clients().minUploadBytesPerSecond() / 1024.0;

    @Option(names = "--uploads-at-once", description = "edit requests holding an upload at once, at least workers plus"
            + " queue; more get 503 unread (default ${DEFAULT-VALUE})")
    int uploadsAtOnce = DEFAULTS.clients().uploadsAtOnce();

    @Option(names = "--allow-host", paramLabel = "NAME", description = "a further name the server is reached by (the"
            + " Host header); repeatable. Without it only the listening address (and localhost names on loopback) are served")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "a page origin (scheme://host:port) besides"
            + " the server's own that may use the API; repeatable")
    List<String> allowedOrigins = new ArrayList<>();

    @Mixin
    FaceApiOption faceApi;

    @Mixin
    PredictorOption predictor;

    @Override
    public Integer call() throws InterruptedException {
        ClientLimits clients = new ClientLimits(connectionsPerAddress, Math.round(minUploadKibPerSecond * 1024),
                uploadsAtOnce, allowedHosts, allowedOrigins);
        ServeConfig config = new ServeConfig(host, port, Math.round(maxUploadMb * 1048576), Math.round(maxMegapixels * 1e6),
                queue, workers, Duration.ofMillis(Math.round(timeoutSeconds * 1000)), maxRunsPerEdit, clients);
        Path faceApiDir = faceApi.resolved();
        ServerLog log = new ServerLog(System.err);
        Torch.start();
        RunCatalog catalog = RunCatalog.scan(runs, log);
        SamplePhotos samples = SamplePhotos.load(faceApiDir);
        EditServer server = EditServer.start(config, catalog, samples, faceApiDir, predictor.file, log);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "resface-serve-stop"));
        catalog.runs().forEach(r -> log.info("run " + r.id() + ": " + r.attribute() + ", " + r.method() + ", "
                + r.size() + "px, iteration " + r.iteration()));
        log.info("serving " + catalog.runs().size() + " run(s) at " + server.uri() + " (Ctrl-C stops)");
        stopped.await();
        return 0;
    }
}
