package dev.resface.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers only requests addressed to this server by a name it listens under, and API calls only from its own page or
 * from origins the operator allowed. Without it any web page the user visits can drive a local server (a form POST
 * needs no permission), and a page whose name is made to resolve to 127.0.0.1 (DNS rebinding) can read its answers.
 */
final class SameOrigin {
    private final Set<String> hosts;
    private final Set<String> origins;

    private SameOrigin(Set<String> hosts, Set<String> origins) {
        this.hosts = hosts;
        this.origins = origins;
    }

    /**
     * The listening address; for a loopback address also localhost, 127.0.0.1 and ::1; for every interface (0.0.0.0
     * or ::) each interface's addresses and this machine's name; then the operator's extra names.
     */
    static SameOrigin of(String listening, ClientLimits limits) {
        Set<String> hosts = new LinkedHashSet<>();
        String bound = bare(listening);
        hosts.add(bound);
        try {
            InetAddress a = InetAddress.getByName(bound);
            if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
                hosts.addAll(List.of("localhost", "127.0.0.1", "::1"));
            }
            if (a.isAnyLocalAddress()) {
                hosts.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
                for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress i : Collections.list(n.getInetAddresses())) {
                        hosts.add(bare(i.getHostAddress()));
                    }
                }
            }
        } catch (UnknownHostException | SocketException e) {
            // The server listens on it, so it resolves; a machine without a resolvable own name keeps the rest.
        }
        limits.allowedHosts().forEach(h -> hosts.add(bare(h)));
        Set<String> origins = new LinkedHashSet<>();
        limits.allowedOrigins().forEach(o -> origins.add(o.toLowerCase(Locale.ROOT)));
        return new SameOrigin(Set.copyOf(hosts), Set.copyOf(origins));
    }

    /** A before-handler: refuses (403) a foreign Host, and a foreign Origin on any request that carries one. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host != null && !hosts.contains(hostName(host))) {
            throw new ApiError(403, "this server does not answer for Host " + ApiError.quote(host)
                    + "; start serve with --allow-host NAME to add a name it is reached by");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin.toLowerCase(Locale.ROOT), ctx.port())
                && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            throw new ApiError(403, "requests from pages at Origin " + ApiError.quote(origin) + " are refused; start"
                    + " serve with --allow-origin ORIGIN to let a page elsewhere use this server");
        }
    }

    private boolean sameOrigin(String origin, int port) {
        for (String h : hosts) {
            String authority = h.contains(":") ? "[" + h + "]" : h;
            if (origin.equals("http://" + authority + ":" + port) || port == 80 && origin.equals("http://" + authority)) {
                return true;
            }
        }
        return false;
    }

    /** The host of a Host header, without its port or an IPv6 literal's brackets, in lower case. */
    static String hostName(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static String bare(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int zone = h.indexOf('%');
        return zone < 0 ? h : h.substring(0, zone);
    }
}
