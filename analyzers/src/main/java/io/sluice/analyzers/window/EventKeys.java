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
        int length = peerHostLength(peer, event.peerLength());
        return length > 0 ? index.idOf(peer, peerHostOffset(peer, event.peerLength()), length)
            : index.idOf(NONE_BYTES, 0, 1);
    }

    /** Where the host starts in an ASCII peer address: after the bracket of "[::1]:5514", else at 0. */
    public static int peerHostOffset(byte[] peer, int length) {
        return length > 1 && peer[0] == '[' && closingBracket(peer, length) > 1 ? 1 : 0;
    }

    /** Length of the host in an ASCII peer address, without the port (and brackets); 0 for an empty address. */
    public static int peerHostLength(byte[] peer, int length) {
        if (length > 1 && peer[0] == '[') {
            int close = closingBracket(peer, length);
            return close > 1 ? close - 1 : length;
        }
        int colon = length;
        while (colon > 0 && peer[colon - 1] != ':') {
            colon--;
        }
        return colon > 1 ? colon - 1 : length;
    }

    private static int closingBracket(byte[] peer, int length) {
        for (int i = 1; i < length; i++) {
            if (peer[i] == ']') {
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
