package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.config.SluiceConfig;
import io.sluice.server.support.TestServers;
import io.sluice.server.support.SyslogSender;
import io.sluice.storage.JournalQueue;
import io.sluice.storage.JournalReader;
import io.sluice.storage.ReplayQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 64-slot ring and a sender as fast as it can go: the socket is paused, the sender slowed, nothing lost. */
class BackpressureIT {
    private static final int MESSAGES = 100_000;

    @TempDir
    Path dataDir;

    @Test
    void shouldPauseTheSocketWhenTheRingIsFullAndLoseNothing() throws Exception {
        SluiceConfig config = TestServers.loopback(dataDir).withRingSize(64);
        String metrics;
        try (SluiceServer server = SluiceServer.start(config)) {
            try (SyslogSender sender = new SyslogSender(server.port("syslog-tcp"), false)) {
                for (int i = 0; i < MESSAGES; i++) {
                    sender.send("<14>Nov 23 10:00:00 host app[1]: backpressure " + i);
                }
            }
            metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port("http") + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        }
        long[] stored = {0};
        long[] next = {0};
        try (JournalReader reader = JournalReader.open(dataDir)) {
            reader.replay(ReplayQuery.all(JournalQueue.JOURNAL), event -> {
                String message = event.fieldAsString(io.sluice.core.Field.MESSAGE);
                assertEquals("backpressure " + next[0]++, message, "order within one connection is kept");
                stored[0]++;
                return true;
            });
        }
        assertEquals(MESSAGES, stored[0]);
        Matcher pauses = Pattern.compile("(?m)^sluice_backpressure_pauses_total\\{transport=\"tcp\"\\} (\\S+)")
            .matcher(metrics);
        assertTrue(pauses.find(), metrics);
        assertTrue(Double.parseDouble(pauses.group(1)) > 0, "the socket was paused at least once");
    }
}
