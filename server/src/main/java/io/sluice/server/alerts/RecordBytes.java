package io.sluice.server.alerts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Field encodings the server's record codecs share (alert history and outbox, anomalies): string maps as a stop-bit
 * count and UTF-8 key/value pairs, instants as epoch nanos or {@link #NO_INSTANT}.
 *
 * <p>Thread contract: stateless; safe from any thread.
 */
public final class RecordBytes {
    /** Stands for a null instant. */
    public static final long NO_INSTANT = Long.MIN_VALUE;

    private RecordBytes() {
    }

    /** Writes {@code map} (null as empty) in iteration order. */
    public static void writeMap(Map<String, String> map, Bytes<?> out) {
        Map<String, String> m = map == null ? Map.of() : map;
        out.writeStopBit(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            out.writeUtf8(e.getKey());
            out.writeUtf8(e.getValue());
        }
    }

    /** Reads a map written by {@link #writeMap}, unmodifiable, in the written order. */
    public static Map<String, String> readMap(Bytes<?> in) {
        int size = (int) in.readStopBit();
        Map<String, String> map = new LinkedHashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            map.put(in.readUtf8(), in.readUtf8());
        }
        return Collections.unmodifiableMap(map);
    }

    /** Epoch nanos of {@code instant}, or {@link #NO_INSTANT} for null. */
    public static long nanos(Instant instant) {
        return instant == null ? NO_INSTANT : instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The instant of {@code nanos} epoch nanos, or null for {@link #NO_INSTANT}. */
    public static Instant instant(long nanos) {
        return nanos == NO_INSTANT ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
            Math.floorMod(nanos, 1_000_000_000L));
    }
}
