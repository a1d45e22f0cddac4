package dev.resface.web;

import dev.resface.BadInputException;
import java.util.List;

/**
 * What one client may hold of the server, and which pages may use it. A slow client is the cheap attack on a
 * server whose edits are dear: every limit here bounds what a client that sends little can keep from the others.
 *
 * @param connectionsPerAddress open connections one client address may hold; one more is closed as it opens
 * @param minUploadBytesPerSecond the slowest a request body may arrive; a slower one is cut off (408)
 * @param uploadsAtOnce edit requests holding a body at once, from its first byte to the answer; beyond them a
 *     request gets 503 before its body is read, so uploads cannot take more than this many upload limits of memory
 * @param allowedHosts names, besides the listening address (and loopback names when it is a loopback address), that
 *     the Host header may carry; anything else is refused, which stops DNS rebinding
 * @param allowedOrigins origins ({@code scheme://host:port}), besides the server's own, whose pages may call the API
 */
public record ClientLimits(int connectionsPerAddress, long minUploadBytesPerSecond, int uploadsAtOnce,
        List<String> allowedHosts, List<String> allowedOrigins) {
    public ClientLimits {
        if (connectionsPerAddress < 1) {
            throw new BadInputException("a client must be allowed at least one connection (--connections-per-address), got "
                    + connectionsPerAddress);
        }
        if (minUploadBytesPerSecond < 0) {
            throw new BadInputException("the minimum upload rate must be 0 (none) or more (--min-upload-kib-per-s), got "
                    + minUploadBytesPerSecond + " bytes/s");
        }
        if (uploadsAtOnce < 1) {
            throw new BadInputException("at least one upload must be allowed at once (--uploads-at-once), got " + uploadsAtOnce);
        }
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * 32 connections an address (a browser opens 6; the load benchmark's 32 clients run from one address), 16 KiB/s
     * (a phone photo over a 1 Mbit/s uplink arrives 8 times faster; one byte every few seconds is cut within
     * seconds), ten bodies at once (twice the default workers and queue), no other hosts or origins.
     */
    public static ClientLimits defaults() {
        return new ClientLimits(32, 16 << 10, 10, List.of(), List.of());
    }
}
