package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.core.Field;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.support.SyslogSender;
import io.sluice.server.support.TestServers;
import io.sluice.storage.JournalQueue;
import io.sluice.storage.JournalReader;
import io.sluice.storage.ReplayQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many connections against a ring far smaller than what they send at once: every connection is paused and retried
 * over and over, and still everything is stored, each connection's order kept. The failure this contract was written
 * after (256 connections flat out: 2.6 M of 11.5 M events stored, the paused connections' buffered reads exhausting
 * memory) needs gigabytes of traffic to show; `./sluice bench e2e --connections 256` is its reproduction, this test
 * keeps the many-connections path honest in every build.
 */
class ManyConnectionsBackpressureIT {
    private static final int CONNECTIONS = 128;
    private static final int MESSAGES_PER_CONNECTION = 2_000;
    private static final String PADDING = "x".repeat(200);

    @TempDir
    Path dataDir;

    @Test
    void shouldStoreEveryEventOfEveryPausedConnectionInOrder() throws Exception {
        SluiceConfig config = TestServers.loopback(dataDir).withRingSize(256);
        try (SluiceServer server = SluiceServer.start(config)) {
            ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    int connection = c;
                    sent.add(senders.submit(() -> {
                        try (SyslogSender sender = new SyslogSender(server.port("syslog-tcp"), false)) {
                            for (int i = 0; i < MESSAGES_PER_CONNECTION; i++) {
                                sender.send("<14>Nov 23 10:00:00 host app[1]: c" + connection + " " + i + " " + PADDING);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            } finally {
                senders.shutdownNow();
            }
        } // closing drains every connection and the ring into the journal
        Map<String, Integer> nextByConnection = new HashMap<>();
        long[] stored = {0};
        try (JournalReader reader = JournalReader.open(dataDir)) {
            reader.replay(ReplayQuery.all(JournalQueue.JOURNAL), event -> {
                String[] words = event.fieldAsString(Field.MESSAGE).split(" ", 3);
                int expected = nextByConnection.getOrDefault(words[0], 0);
                assertEquals(expected, Integer.parseInt(words[1]), "order within connection " + words[0]);
                nextByConnection.put(words[0], expected + 1);
                stored[0]++;
                return true;
            });
        }
        assertEquals((long) CONNECTIONS * MESSAGES_PER_CONNECTION, stored[0]);
        assertEquals(CONNECTIONS, nextByConnection.size());
    }
}
