package io.sluice.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.TestEvents;
import io.sluice.core.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Parsed events as the pipeline would hand them to the journal, and the assertions the journal tests share. */
final class JournalEvents {
    /** Receive time of event 0; in the past, as real receive stamps are (see JournalReader.CLOCK_SLACK_NANOS). */
    static final long BASE_RECEIVED_NANOS = TestEvents.raw("x").receivedAtNanos();
    static final long RECEIVE_STEP_NANOS = 1_000;

    private JournalEvents() {
    }

    /** An RFC 5424 event with every span set, sequence {@code sequence}, received {@code sequence} steps after base. */
    static LogEvent parsed(long sequence) {
        String host = "host-" + (sequence % 7);
        String line = "<34>1 2023-11-14T22:13:20.123Z " + host + " app 4242 ID47 [ex@1 k=\"v\"] message number "
            + sequence;
        LogEvent event = TestEvents.raw(line);
        event.setSequence(sequence);
        event.setReceivedAtNanos(BASE_RECEIVED_NANOS + sequence * RECEIVE_STEP_NANOS);
        event.setFormat(Format.RFC5424);
        event.setPriority(4, 2);
        event.setTimestamp(1_700_000_000_123_000_000L, 0);
        span(event, line, Field.HOSTNAME, host);
        span(event, line, Field.APP_NAME, "app");
        span(event, line, Field.PROC_ID, "4242");
        span(event, line, Field.MSG_ID, "ID47");
        span(event, line, Field.STRUCTURED_DATA, "[ex@1 k=\"v\"]");
        span(event, line, Field.MESSAGE, "message number " + sequence);
        return event;
    }

    /** {@link #parsed} events with sequences {@code first .. first + count - 1}. */
    static List<LogEvent> parsed(long first, int count) {
        List<LogEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(parsed(first + i));
        }
        return events;
    }

    /** The same event cut to its first 40 bytes, as a source marks an over-long frame. */
    static LogEvent truncated(long sequence) {
        LogEvent whole = parsed(sequence);
        LogEvent event = TestEvents.raw(Arrays.copyOf(whole.raw(), 40));
        event.setSequence(sequence);
        event.setReceivedAtNanos(whole.receivedAtNanos());
        event.markTruncated(whole.rawLength());
        return event;
    }

    private static void span(LogEvent event, String line, Field field, String value) {
        byte[] raw = line.getBytes(StandardCharsets.UTF_8);
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(raw, needle);
        event.setSpan(field, at, needle.length);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    /**
     * An event the pipeline could produce, every field random: raw of 0-400 bytes (1 in 8: up to 70 KB), a peer of
     * random bytes, times and sequences of every stop-bit length, spans inside the raw.
     */
    static LogEvent random(SplittableRandom random) {
        int rawLength = random.nextInt(8) == 0 ? random.nextInt(70_000) : random.nextInt(400);
        byte[] raw = new byte[rawLength];
        random.nextBytes(raw);
        LogEvent event = new LogEvent();
        event.setRaw(raw, 0, rawLength);
        byte[] peer = new byte[random.nextInt(LogEvent.MAX_PEER_BYTES + 1)];
        random.nextBytes(peer);
        event.setPeer(peer, peer.length);
        event.setSequence(random.nextLong(Long.MAX_VALUE) >>> random.nextInt(64));
        event.setReceivedAtNanos(randomLong(random));
        event.setTransport(Transport.values()[random.nextInt(Transport.values().length)]);
        event.setFormat(Format.values()[random.nextInt(Format.values().length)]);
        long timestamp = random.nextBoolean() ? LogEvent.NO_TIMESTAMP : randomLong(random);
        event.setTimestamp(timestamp, random.nextBoolean() ? LogEvent.NO_OFFSET : random.nextInt(-64_800, 64_801));
        event.setPriority(random.nextInt(-1, 24), random.nextInt(-1, 8));
        if (random.nextInt(4) == 0) {
            event.markTruncated(rawLength + random.nextInt(1 << 20));
        }
        event.setFlags(event.flags() | random.nextInt(1 << 8) & ~LogEvent.FLAG_TRUNCATED);
        for (Field field : Field.values()) {
            if (random.nextBoolean()) {
                continue; // absent
            }
            int offsetInRaw = rawLength == 0 ? 0 : random.nextInt(rawLength + 1);
            event.setSpan(field, offsetInRaw, random.nextInt(rawLength - offsetInRaw + 1));
        }
        return event;
    }

    /** Small and large, positive and negative: every stop-bit length shows up. */
    private static long randomLong(SplittableRandom random) {
        return random.nextLong() >> random.nextInt(64);
    }

    /** Copies an event out of a reused slot (replay visitors hand the same instance every time). */
    static LogEvent copy(LogEvent event) {
        LogEvent copy = new LogEvent(Math.max(64, event.rawLength()));
        copy.copyFrom(event);
        return copy;
    }

    /** Drives {@code handler} as the Disruptor would: endOfBatch after every {@code batch} events and at the end. */
    static void append(JournalHandler handler, List<LogEvent> events, int batch) {
        for (int i = 0; i < events.size(); i++) {
            LogEvent event = events.get(i);
            handler.onEvent(event, event.sequence(), (i + 1) % batch == 0 || i == events.size() - 1);
        }
    }

    /** A handler's whole life on the calling thread: start, append in batches, shut down (which flushes). */
    static void appendAll(Journal journal, List<LogEvent> events, int batch) {
        JournalHandler handler = journal.newHandler();
        handler.onStart();
        append(handler, events, batch);
        handler.onShutdown();
    }

    /** Opens a reader on {@code dataDir} for one replay. */
    static List<LogEvent> replay(Path dataDir, ReplayQuery query) {
        try (JournalReader reader = JournalReader.open(dataDir)) {
            return replay(reader, query);
        }
    }

    /** Everything {@code query} replays, copied out of the reused slot. */
    static List<LogEvent> replay(JournalReader reader, ReplayQuery query) {
        List<LogEvent> events = new ArrayList<>();
        long delivered = reader.replay(query, event -> events.add(copy(event)));
        assertEquals(events.size(), delivered, "replay's count");
        return events;
    }

    static void assertSameEvent(LogEvent expected, LogEvent actual) {
        assertEquals(expected.sequence(), actual.sequence(), "sequence");
        assertEquals(expected.receivedAtNanos(), actual.receivedAtNanos(), "receivedAtNanos");
        assertEquals(expected.timestampNanos(), actual.timestampNanos(), "timestampNanos");
        assertEquals(expected.timestampOffsetSeconds(), actual.timestampOffsetSeconds(), "offset");
        assertEquals(expected.transport(), actual.transport(), "transport");
        assertEquals(expected.format(), actual.format(), "format");
        assertEquals(expected.facility(), actual.facility(), "facility");
        assertEquals(expected.severity(), actual.severity(), "severity");
        assertEquals(expected.flags(), actual.flags(), "flags");
        assertEquals(expected.isTruncated(), actual.isTruncated(), "truncated");
        assertEquals(expected.originalLength(), actual.originalLength(), "originalLength");
        assertArrayEquals(Arrays.copyOf(expected.raw(), expected.rawLength()),
            Arrays.copyOf(actual.raw(), actual.rawLength()), "raw");
        assertArrayEquals(Arrays.copyOf(expected.peer(), expected.peerLength()),
            Arrays.copyOf(actual.peer(), actual.peerLength()), "peer");
        for (Field field : Field.values()) {
            assertEquals(expected.spanLength(field), actual.spanLength(field), field + " length");
            if (expected.has(field)) {
                assertEquals(expected.spanOffset(field), actual.spanOffset(field), field + " offset");
            }
        }
    }

    static void assertSameEvents(List<LogEvent> expected, List<LogEvent> actual) {
        assertEquals(expected.size(), actual.size(), "event count");
        for (int i = 0; i < expected.size(); i++) {
            assertSameEvent(expected.get(i), actual.get(i));
        }
    }
}
