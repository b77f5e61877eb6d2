package io.sluice.ingest;

import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/** The client's address as events store it: ASCII {@code ip:port}, {@code [ipv6]:port}; computed once per connection. */
public final class PeerAddress {
    private PeerAddress() {
    }

    public static byte[] ascii(SocketAddress address) {
        if (address == null) {
            return new byte[0];
        }
        String host = address.hostAddress();
        String text = host != null && host.indexOf(':') >= 0 ? "[" + host + "]:" + address.port()
            : host + ":" + address.port();
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
