package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.StructuredData;
import io.sluice.server.config.AnalyzerStages;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.support.TestServers;
import io.sluice.server.support.SyslogSender;
import io.sluice.storage.JournalQueue;
import io.sluice.storage.JournalReader;
import io.sluice.storage.ReplayQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The foundation's promise, end to end over real sockets: 100 000 distinct RFC 5424 and RFC 3164 messages over 4
 * concurrent connections (two LF-framed, two octet-counted), a graceful stop, then replay finds exactly those
 * messages, each once, with every field intact. Once per ring layout: the journal alone on its thread or sharing it
 * with the analyzers must store the same.
 */
class SyslogTcpEndToEndIT {
    private static final int MESSAGES = 100_000;
    private static final int CONNECTIONS = 4;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(value = AnalyzerStages.class, names = {"SINGLE", "FUSED", "SEPARATE"})
    void shouldStoreEveryMessageExactlyOnceWithFieldsIntact(AnalyzerStages layout) throws Exception {
        SluiceConfig config = TestServers.loopback(dataDir).withAnalyzerStages(layout);
        SluiceServer server = SluiceServer.start(config);
        int port = server.port("syslog-tcp");

        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            sent.add(senders.submit(() -> {
                try (SyslogSender sender = new SyslogSender(port, connection >= 2)) {
                    for (int i = connection; i < MESSAGES; i += CONNECTIONS) {
                        sender.send(message(i));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get(2, TimeUnit.MINUTES);
        }
        senders.shutdown();
        server.stop(); // the same path SIGTERM takes: stop accepting, finish reading, drain, flush

        int[] seen = new int[MESSAGES];
        List<String> problems = new ArrayList<>();
        long[] lastSeq = {-1};
        try (JournalReader reader = JournalReader.open(dataDir)) {
            reader.replay(ReplayQuery.all(JournalQueue.JOURNAL), event -> {
            int id = idOf(event);
            seen[id]++;
            String problem = check(event, id);
            if (problem != null && problems.size() < 20) {
                problems.add(problem);
            }
            assertTrue(event.sequence() > lastSeq[0], "sequence must increase");
            lastSeq[0] = event.sequence();
            return true;
            });
        }
        assertEquals(List.of(), problems);
        int missing = 0;
        int duplicated = 0;
        for (int n : seen) {
            missing += n == 0 ? 1 : 0;
            duplicated += n > 1 ? 1 : 0;
        }
        assertEquals(0, missing, "messages missing from the journal");
        assertEquals(0, duplicated, "messages stored more than once");
    }

    static String message(int i) {
        int facility = i % 24;
        int severity = i % 8;
        int pri = facility * 8 + severity;
        if (i % 2 == 0) {
            return "<" + pri + ">1 2026-11-23T10:00:00." + String.format("%06d", i % 1_000_000) + "+01:00 host-" + (i % 5)
                + " app" + (i % 7) + " " + (1000 + i % 13) + " ID" + (i % 10)
                + " [meta@32473 seq=\"" + i + "\" note=\"q\\\"uote\"] msg " + i + " payload-" + "x".repeat(i % 50);
        }
        return "<" + pri + ">Nov 23 10:00:0" + (i % 10) + " host-" + (i % 5) + " app" + (i % 7) + "[" + (1000 + i % 13)
            + "]: msg " + i + " payload-" + "y".repeat(i % 50);
    }

    private static int idOf(LogEvent event) {
        String message = event.fieldAsString(Field.MESSAGE);
        return Integer.parseInt(message.substring(4, message.indexOf(' ', 4)));
    }

    private static String check(LogEvent e, int i) {
        String expectedMessage = "msg " + i + " payload-" + (i % 2 == 0 ? "x" : "y").repeat(i % 50);
        List<String> wrong = new ArrayList<>();
        expect(wrong, "format", i % 2 == 0 ? Format.RFC5424 : Format.RFC3164, e.format());
        expect(wrong, "facility", i % 24, e.facility());
        expect(wrong, "severity", i % 8, e.severity());
        expect(wrong, "hostname", "host-" + (i % 5), e.fieldAsString(Field.HOSTNAME));
        expect(wrong, "appName", "app" + (i % 7), e.fieldAsString(Field.APP_NAME));
        expect(wrong, "procId", String.valueOf(1000 + i % 13), e.fieldAsString(Field.PROC_ID));
        expect(wrong, "message", expectedMessage, e.fieldAsString(Field.MESSAGE));
        if (i % 2 == 0) {
            expect(wrong, "msgId", "ID" + (i % 10), e.fieldAsString(Field.MSG_ID));
            Map<String, Map<String, String>> sd = StructuredData.parse(e.raw(), e.spanOffset(Field.STRUCTURED_DATA),
                e.spanLength(Field.STRUCTURED_DATA));
            expect(wrong, "structuredData", Map.of("meta@32473", Map.of("seq", String.valueOf(i), "note", "q\"uote")), sd);
            long expectedNanos = java.time.OffsetDateTime.parse("2026-11-23T10:00:00."
                + String.format("%06d", i % 1_000_000) + "+01:00").toInstant().toEpochMilli() * 1_000_000L
                + (i % 1000) * 1000L;
            expect(wrong, "timestamp", expectedNanos, e.timestampNanos());
            expect(wrong, "offset", 3600, e.timestampOffsetSeconds());
        } else {
            assertNull(e.fieldAsString(Field.MSG_ID));
        }
        return wrong.isEmpty() ? null : "message " + i + ": " + wrong;
    }

    private static void expect(List<String> wrong, String field, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            wrong.add(field + " expected <" + expected + "> but was <" + actual + ">");
        }
    }
}
