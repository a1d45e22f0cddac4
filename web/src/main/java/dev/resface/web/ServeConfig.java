package dev.resface.web;

import dev.resface.BadInputException;
import dev.resface.photo.PhotoPipeline;
import java.time.Duration;

/**
 * Every limit of the edit server, in one place, so that what a stranger on the network can make it do is read off
 * one record.
 *
 * @param host the address to listen on; 127.0.0.1 keeps the server off the network
 * @param port 0 for any free port
 * @param maxUploadBytes the largest request body accepted, multipart framing included
 * @param maxPixels the largest photo, checked from its header before a pixel is decoded
 * @param queueCapacity edits that may wait while the workers are busy; beyond them a request gets 503
 * @param workers edits that run at once, each worker with its own face finder and models
 * @param requestTimeout from a request's admission to its answer, waiting in the queue included
 * @param maxRunsPerEdit how many runs one edit may apply in turn, each costing a pass over every face
 * @param clients what one client may hold, and which hosts and origins are served
 */
public record ServeConfig(String host, int port, long maxUploadBytes, long maxPixels, int queueCapacity, int workers,
        Duration requestTimeout, int maxRunsPerEdit, ClientLimits clients) {
    /** The multipart parser keeps parts in memory up to an int of bytes; nothing of a request touches the disk. */
    private static final long MAX_UPLOAD_LIMIT = Integer.MAX_VALUE;

    public ServeConfig {
        if (host == null || host.isBlank()) {
            throw new BadInputException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new BadInputException("port must be 0 to 65535, got " + port);
        }
        if (maxUploadBytes < 1 || maxUploadBytes > MAX_UPLOAD_LIMIT) {
            throw new BadInputException("the upload limit must be 1 byte to 2 GiB, got " + maxUploadBytes + " bytes");
        }
        if (maxPixels < 1 || maxPixels > PhotoPipeline.MAX_PHOTO_PIXELS) {
            throw new BadInputException("the pixel limit must be 1 to " + PhotoPipeline.MAX_PHOTO_PIXELS / 1_000_000
                    + " megapixels (--max-megapixels; every front end's), got " + maxPixels + " pixels");
        }
        if (queueCapacity < 0) {
            throw new BadInputException("the queue capacity must be 0 or more, got " + queueCapacity);
        }
        if (workers < 1) {
            throw new BadInputException("there must be at least one worker, got " + workers);
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new BadInputException("the request timeout must be positive, got " + requestTimeout);
        }
        if (maxRunsPerEdit < 1) {
            throw new BadInputException("an edit must be allowed at least one run, got " + maxRunsPerEdit);
        }
        if (clients == null) {
            throw new BadInputException("the client limits must be given");
        }
        if (clients.uploadsAtOnce() < workers + queueCapacity) {
            throw new BadInputException("uploads at once (" + clients.uploadsAtOnce() + ") must be at least the workers"
                    + " plus the queue (" + (workers + queueCapacity) + "): a request holds its upload until it is answered;"
                    + " raise --uploads-at-once");
        }
    }

    /**
     * Local use on a laptop: 20 MiB uploads (a phone photo is 3-8 MB), 40 megapixels (one edit of that size needs a
     * heap of 1-2 GB), four edits waiting behind one worker, a minute per request, eight runs per edit, and
     * {@link ClientLimits#defaults()}.
     */
    public static ServeConfig defaults() {
        return new ServeConfig("127.0.0.1", 8080, 20L << 20, 40_000_000L, 4, 1, Duration.ofSeconds(60), 8,
                ClientLimits.defaults());
    }

    public ServeConfig withPort(int p) {
        return new ServeConfig(host, p, maxUploadBytes, maxPixels, queueCapacity, workers, requestTimeout,
                maxRunsPerEdit, clients);
    }

    public ServeConfig withRequestTimeout(Duration t) {
        return new ServeConfig(host, port, maxUploadBytes, maxPixels, queueCapacity, workers, t, maxRunsPerEdit,
                clients);
    }

    public ServeConfig withClients(ClientLimits c) {
        return new ServeConfig(host, port, maxUploadBytes, maxPixels, queueCapacity, workers, requestTimeout,
                maxRunsPerEdit, c);
    }
}
