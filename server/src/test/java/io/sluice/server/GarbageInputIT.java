package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.support.TestServers;
import io.sluice.server.support.SyslogSender;
import io.sluice.storage.JournalQueue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input on some connections never hurts a neighbouring connection or the server, and every kind of it is
 * counted: random bytes, a 10 MB line without newline, NUL bytes, invalid UTF-8, out-of-range priorities.
 */
class GarbageInputIT {
    @TempDir
    Path dataDir;

    @Test
    void shouldSurviveGarbageKeepNeighboursWorkingAndCountIt() throws Exception {
        SluiceConfig config = TestServers.loopback(dataDir);
        String metrics;
        try (SluiceServer server = SluiceServer.start(config)) {
            int port = server.port("syslog-tcp");
            int httpPort = server.port("http");
            try (SyslogSender good = new SyslogSender(port, false)) {
                good.send("<13>1 2026-11-23T10:00:00Z host good - - - before garbage");
                good.flush();

                Random random = new Random(42);
                byte[] noise = new byte[1 << 20];
                random.nextBytes(noise);
                try (SyslogSender bad = new SyslogSender(port, false)) {
                    bad.sendRaw(noise);
                }
                try (SyslogSender huge = new SyslogSender(port, false)) {
                    byte[] line = new byte[10 * 1024 * 1024];
                    java.util.Arrays.fill(line, (byte) 'A');
                    huge.sendRaw(line);
                    huge.sendRaw("\n<13>1 2026-11-23T10:00:00Z host huge - - - after the huge line\n"
                        .getBytes(StandardCharsets.US_ASCII));
                }
                try (SyslogSender odd = new SyslogSender(port, false)) {
                    odd.sendRaw(new byte[] {'<', '1', '3', '>', 0, 0, 'n', 'u', 'l', 0, '\n'});
                    odd.sendRaw(new byte[] {'<', '1', '3', '>', 'b', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28,
                        (byte) 0xFF, '\n'});
                    odd.send("<999>1 2026-11-23T10:00:00Z host app - - - priority out of range");
                    odd.send("<>nothing");
                    odd.sendRaw("99999999999 not an octet count\n".getBytes(StandardCharsets.US_ASCII));
                }
                good.send("<13>1 2026-11-23T10:00:00Z host good - - - after garbage");
            }
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            // the journal counts a dead letter after the source counted the cut: wait for the later of the two
            metrics = waitForMetric(http, httpPort, "sluice_events_dead_lettered_total\\{transport=\"tcp\"\\} (\\S+)");
        }

        List<LogEvent> journal = TestServers.stored(dataDir, JournalQueue.JOURNAL);
        List<LogEvent> deadLetters = TestServers.stored(dataDir, JournalQueue.DEAD_LETTER);
        List<String> goodMessages = journal.stream().filter(e -> "good".equals(e.fieldAsString(Field.APP_NAME)))
            .map(e -> e.fieldAsString(Field.MESSAGE)).toList();
        assertEquals(List.of("before garbage", "after garbage"), goodMessages);
        assertTrue(journal.stream().anyMatch(e -> "after the huge line".equals(e.fieldAsString(Field.MESSAGE))),
            "the connection that sent the huge line keeps working");
        assertTrue(journal.stream().anyMatch(e -> e.format() == Format.RAW
            && e.fieldAsString(Field.MESSAGE).contains("priority out of range")), "<999> is kept as raw");
        assertTrue(deadLetters.stream().anyMatch(e -> e.isTruncated() && e.rawLength() == 64 * 1024),
            "the 10 MB line is cut to 64 KiB and dead-lettered");
        assertTrue(metric(metrics, "sluice_frames_truncated_total\\{transport=\"tcp\"\\} (\\S+)") >= 1, metrics);
        assertTrue(metric(metrics, "sluice_parse_failures_total\\{transport=\"tcp\"\\} (\\S+)") >= 2, metrics);
        assertTrue(metric(metrics, "sluice_journal_events_dead_lettered_total (\\S+)") >= 1, metrics);
        assertTrue(metric(metrics, "sluice_events_dead_lettered_total\\{transport=\"tcp\"\\} (\\S+)") >= 1, metrics);
        assertTrue(metric(metrics, "sluice_events_stored_total\\{transport=\"tcp\"\\} (\\S+)") >= 4, metrics);
    }

    private static String waitForMetric(HttpClient http, int port, String pattern) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            if (metric(body, pattern) >= 1) {
                return body;
            }
            Thread.sleep(50);
        }
        return body;
    }

    private static double metric(String body, String pattern) {
        Matcher m = Pattern.compile("(?m)^" + pattern).matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
