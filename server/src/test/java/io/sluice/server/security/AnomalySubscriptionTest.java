package io.sluice.server.security;

import static io.sluice.server.security.TestAnomalies.await;
import static io.sluice.server.security.TestAnomalies.awaitStored;
import static io.sluice.server.security.TestAnomalies.bruteForce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subscriber resuming while versions keep arriving gets each one exactly once, in order. */
class AnomalySubscriptionTest {
    private static final int VERSIONS = 3000;

    @TempDir
    Path dataDir;

    @Test
    void shouldDeliverEveryVersionAfterTheResumePointOnceWhileTheDetectorKeepsWriting() throws Exception {
        try (AnomalyStore store = AnomalyStore.open(dataDir)) {
            for (int i = 1; i <= 1000; i++) {
                store.onAnomaly(bruteForce(i, "10.0.0.1", i));
            }
            awaitStored(store, 1000);
            Thread writer = new Thread(() -> {
                for (int i = 1001; i <= VERSIONS; i++) {
                    store.onAnomaly(bruteForce(i, "10.0.0.2", i));
                }
            });
            Recorder early = new Recorder();
            Recorder late = new Recorder();
            writer.start();
            store.subscribe(200, early); // replays 201 .. while 1001 .. arrive live
            awaitStored(store, 1500);
            store.subscribe(1400, late);
            writer.join();
            awaitStored(store, VERSIONS);
            await("every version delivered", () -> early.versions.size() >= VERSIONS - 200
                && late.versions.size() >= VERSIONS - 1400);
            assertEquals(LongStream.rangeClosed(201, VERSIONS).boxed().toList(), early.versions);
            assertEquals(LongStream.rangeClosed(1401, VERSIONS).boxed().toList(), late.versions);
            assertEquals(2, store.subscriberCount());
        }
    }

    @Test
    void shouldTreatAResumePointBeyondTheNewestVersionAsTheNewest() {
        try (AnomalyStore store = AnomalyStore.open(dataDir)) {
            store.onAnomaly(bruteForce(1, "10.0.0.1", 1));
            awaitStored(store, 1);
            Recorder recorder = new Recorder();
            store.subscribe(500, recorder); // e.g. a client that saw another data dir
            store.onAnomaly(bruteForce(2, "10.0.0.2", 2));
            await("the next version delivered", () -> !recorder.versions.isEmpty());
            assertEquals(List.of(2L), recorder.versions);
        }
    }

    @Test
    void shouldEndSubscriptionsWhenTheStoreCloses() {
        Recorder recorder = new Recorder();
        AnomalyStore store = AnomalyStore.open(dataDir);
        store.subscribe(store.lastVersion(), recorder);
        store.close();
        assertEquals(List.of("the anomaly store is closed"), recorder.ends);
        assertEquals(0, store.subscriberCount());
        assertTrue(recorder.versions.isEmpty());
    }

    private static final class Recorder implements AnomalySubscriber {
        final List<Long> versions = new CopyOnWriteArrayList<>();
        final List<String> ends = new CopyOnWriteArrayList<>();

        @Override
        public void onVersion(AnomalyRecord record) {
            versions.add(record.version());
        }

        @Override
        public void onEnd(String reason) {
            ends.add(reason);
        }
    }
}
