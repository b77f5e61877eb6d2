package io.sluice.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalConcurrentReplayTest {
    private static final int EVENTS = 20_000;

    @TempDir
    Path dataDir;

    @Test
    void shouldSeeAConsistentPrefixWhileAnotherThreadAppends() throws Exception {
        List<LogEvent> events = JournalEvents.parsed(0, EVENTS);
        AtomicBoolean writerDone = new AtomicBoolean();
        try (Journal journal = Journal.open(dataDir); JournalReader reader = JournalReader.open(dataDir)) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                JournalHandler handler = journal.newHandler();
                handler.onStart();
                for (int i = 0; i < EVENTS; i++) {
                    boolean endOfBatch = i % 97 == 96 || i == EVENTS - 1; // odd size: batches straddle the 512 limit
                    handler.onEvent(events.get(i), i, endOfBatch);
                }
                handler.onShutdown();
                writerDone.set(true);
            });

            long previous = 0;
            int replays = 0;
            while (!writerDone.get() || replays == 0) {
                long seen = replayAndCheckPrefix(reader);
                assertTrue(seen >= previous, "a later replay saw less: " + seen + " < " + previous);
                previous = seen;
                replays++;
            }
            writer.get(30, TimeUnit.SECONDS);
            assertEquals(EVENTS, replayAndCheckPrefix(reader), "after the writer finished");
        }
    }

    /** Replays everything and checks it is events 0..n-1, in order and intact; returns n. */
    private static long replayAndCheckPrefix(JournalReader reader) {
        long[] next = {0};
        String[] error = {null};
        reader.replay(ReplayQuery.all(JournalQueue.JOURNAL), event -> {
            long expected = next[0]++;
            if (event.sequence() != expected
                || !("message number " + expected).equals(event.fieldAsString(Field.MESSAGE))) {
                error[0] = "expected " + expected + " but got " + event;
                return false;
            }
            return true;
        });
        assertNull(error[0]);
        return next[0];
    }
}
