package io.sluice.analyzers;

import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.core.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds parsed events the way sources leave them in a slot: raw bytes plus spans. Tests only. */
public final class TestLogEvents {
    /** 2027-01-15T08:00:00Z: a multiple of 900 s, so every bucket size starts at it. */
    public static final long T0_SECONDS = 1_800_000_000L;
    public static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final LogEvent event = new LogEvent();
    private final int[][] spans = new int[Field.COUNT][];
    private int severity = Severity.INFORMATIONAL.code();
    private long receivedAtNanos = T0_SECONDS * SECOND;
    private Transport transport = Transport.TCP;
    private String peer = "127.0.0.1:40000";

    public static TestLogEvents event() {
        return new TestLogEvents();
    }

    /** Epoch nanos of {@code seconds} after T0. */
    public static long at(double seconds) {
        return T0_SECONDS * SECOND + Math.round(seconds * SECOND);
    }

    public TestLogEvents app(String value) {
        return span(Field.APP_NAME, value);
    }

    public TestLogEvents host(String value) {
        return span(Field.HOSTNAME, value);
    }

    public TestLogEvents message(String value) {
        return span(Field.MESSAGE, value);
    }

    public TestLogEvents attributes(String json) {
        return span(Field.ATTRIBUTES, json);
    }

    public TestLogEvents structuredData(String sd) {
        return span(Field.STRUCTURED_DATA, sd);
    }

    public TestLogEvents severity(int value) {
        severity = value;
        return this;
    }

    public TestLogEvents receivedAt(long epochNanos) {
        receivedAtNanos = epochNanos;
        return this;
    }

    /** Received {@code seconds} after T0. */
    public TestLogEvents atSecond(double seconds) {
        return receivedAt(at(seconds));
    }

    public TestLogEvents transport(Transport value) {
        transport = value;
        return this;
    }

    public TestLogEvents peer(String value) {
        peer = value;
        return this;
    }

    public LogEvent build() {
        byte[] bytes = raw.toByteArray();
        event.setRaw(bytes, 0, bytes.length);
        for (Field f : Field.values()) {
            if (spans[f.ordinal()] != null) {
                event.setSpan(f, spans[f.ordinal()][0], spans[f.ordinal()][1]);
            }
        }
        event.setPriority(1, severity);
        event.setReceivedAtNanos(receivedAtNanos);
        event.setTransport(transport);
        byte[] peerBytes = peer.getBytes(StandardCharsets.US_ASCII);
        event.setPeer(peerBytes, peerBytes.length);
        return event;
    }

    private TestLogEvents span(Field field, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        spans[field.ordinal()] = new int[] {raw.size(), bytes.length};
        raw.writeBytes(bytes);
        raw.write(' '); // a separator, as in a real line, so a scanner running past a span would be caught
        return this;
    }
}
