package dev.resface.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;

/**
 * Closes a connection as it opens when its client address already holds the allowed number: one address with many
 * slow connections would otherwise take every thread of the server's pool.
 */
final class ConnectionsPerAddress implements Connection.Listener {
    private final int most;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** The address of each counted connection: a closed connection no longer knows it. */
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int most) {
        this.most = most;
    }

    @Override
    public void onOpened(Connection c) {
        SocketAddress s = c.getEndPoint().getRemoteSocketAddress();
        if (!(s instanceof InetSocketAddress i)) {
            return;
        }
        InetAddress a = i.getAddress();
        if (open.merge(a, 1, Integer::sum) > most) {
            release(a);
            c.getEndPoint().close();
            return;
        }
        counted.put(c, a);
    }

    @Override
    public void onClosed(Connection c) {
        InetAddress a = counted.remove(c);
        if (a != null) {
            release(a);
        }
    }

    private void release(InetAddress a) {
        open.computeIfPresent(a, (k, n) -> n == 1 ? null : n - 1);
    }
}
