package io.sluice.core;

import java.nio.charset.StandardCharsets;

/** Builds slots the way a source fills them, for tests of parsers, handlers and the journal. */
public final class TestEvents {
    private TestEvents() {
    }

    /** A fresh slot holding {@code line} as raw UTF-8 bytes, received over TCP from 127.0.0.1:40000. */
    public static LogEvent raw(String line) {
        return raw(line.getBytes(StandardCharsets.UTF_8));
    }

    public static LogEvent raw(byte[] bytes) {
        LogEvent event = new LogEvent();
        event.setRaw(bytes, 0, bytes.length);
        event.setTransport(Transport.TCP);
        byte[] peer = "127.0.0.1:40000".getBytes(StandardCharsets.US_ASCII);
        event.setPeer(peer, peer.length);
        event.setReceivedAtNanos(1_700_000_000_000_000_000L);
        return event;
    }
}
