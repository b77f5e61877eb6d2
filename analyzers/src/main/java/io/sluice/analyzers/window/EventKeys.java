package io.sluice.analyzers.window;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import java.nio.charset.StandardCharsets;

/**
 * The key an event counts under for each {@link Dimension}, resolved to an id without copying: service = APP_NAME
 * span, host = HOSTNAME span else the peer's IP (port stripped), transport = its label. A missing key is {@code "-"}.
 * Stateless; allocation-free.
 */
public final class EventKeys {
    /** The key of events that carry none. */
    public static final String NONE = "-";
    private static final byte[] NONE_BYTES = {'-'};
    private static final byte[][] TRANSPORT_LABELS = transportLabels();

    private EventKeys() {
    }

    /** The id of {@code event}'s key for {@code dimension} in {@code index}. Calls the index's writer method. */
    public static int idOf(ByteKeyIndex index, Dimension dimension, LogEvent event) {
        switch (dimension) {
            case SERVICE:
                return spanId(index, event, Field.APP_NAME);
            case HOST:
                return event.has(Field.HOSTNAME) ? spanId(index, event, Field.HOSTNAME) : peerHostId(index, event);
            default:
                byte[] label = TRANSPORT_LABELS[event.transport().code()];
                return index.idOf(label, 0, label.length);
        }
    }

    private static int spanId(ByteKeyIndex index, LogEvent event, Field field) {
        int length = event.spanLength(field);
        return length > 0 ? index.idOf(event.raw(), event.spanOffset(field), length) : index.idOf(NONE_BYTES, 0, 1);
    }

    /** "10.0.0.1:5514" -> "10.0.0.1", "[::1]:5514" -> "::1": the port changes per connection, the host does not. */
    private static int peerHostId(ByteKeyIndex index, LogEvent event) {
        byte[] peer = event.peer();
        int length = event.peerLength();
        if (length > 1 && peer[0] == '[') {
            int close = indexOf(peer, 1, length, (byte) ']');
            return close > 1 ? index.idOf(peer, 1, close - 1) : index.idOf(peer, 0, length);
        }
        int colon = length;
        while (colon > 0 && peer[colon - 1] != ':') {
            colon--;
        }
        int hostLength = colon > 1 ? colon - 1 : length;
        return hostLength > 0 ? index.idOf(peer, 0, hostLength) : index.idOf(NONE_BYTES, 0, 1);
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static byte[][] transportLabels() {
        byte[][] labels = new byte[8][];
        for (int code = 0; code < labels.length; code++) {
            labels[code] = Transport.ofCode(code).label().getBytes(StandardCharsets.US_ASCII);
        }
        return labels;
    }
}
