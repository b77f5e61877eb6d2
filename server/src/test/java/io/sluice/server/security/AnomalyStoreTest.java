package io.sluice.server.security;

import static io.sluice.server.security.TestAnomalies.anomaly;
import static io.sluice.server.security.TestAnomalies.awaitStored;
import static io.sluice.server.security.TestAnomalies.bruteForce;
import static io.sluice.server.security.TestAnomalies.updated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.Anomaly;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyStoreTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldRebuildTheIndexFromTheQueueAndContinueIdsAndVersionsAfterRestart() {
        Anomaly second;
        Anomaly closedLater;
        try (AnomalyStore store = AnomalyStore.open(dataDir)) {
            LongSupplier ids = store.nextId();
            Anomaly first = bruteForce(ids.getAsLong(), "203.0.113.9", 10);
            second = anomaly(ids.getAsLong(), "port_scan", "P3", "ip", "198.51.100.7", 20, true);
            assertEquals(3, ids.getAsLong()); // handed out, never stored: the next run may hand it out again
            store.onAnomaly(first);
            store.onAnomaly(second);
            closedLater = updated(first, 30, false);
            store.onAnomaly(closedLater);
            awaitStored(store, 3);
            assertEquals(List.of(second), List.copyOf(store.openAnomalies()));
        }
        try (AnomalyStore store = AnomalyStore.open(dataDir)) {
            assertEquals(closedLater, store.get(closedLater.id()).anomaly(), "the latest version wins");
            assertEquals(3, store.get(closedLater.id()).version());
            assertEquals(2, store.indexedCount());
            AnomalyRecord leftOpen = store.get(second.id());
            assertEquals(4, leftOpen.version(), "the version sequence continues from the queue");
            assertFalse(leftOpen.anomaly().open(), "no detector will ever close what the last run left open");
            assertEquals("restart", leftOpen.anomaly().details().get(AnomalyStore.CLOSED_BY));
            assertEquals(second.count(), leftOpen.anomaly().count());
            assertTrue(store.openAnomalies().isEmpty());
            long next = store.nextId().getAsLong();
            assertEquals(3, next, "ids continue after the highest stored");
            store.onAnomaly(bruteForce(next, "192.0.2.1", 40));
            awaitStored(store, 5);
            assertEquals(5, store.get(next).version());
        }
        try (AnomalyStore store = AnomalyStore.open(dataDir)) {
            assertEquals(6, store.lastVersion(), "only the one left open this time was closed");
            assertEquals(4, store.nextId().getAsLong());
        }
    }

    @Test
    void shouldKeepOnlyTheMostRecentAnomaliesInMemoryAndFindOlderOnesInTheQueue() {
        try (AnomalyStore store = AnomalyStore.open(dataDir, 5)) {
            for (long id = 1; id <= 8; id++) {
                store.onAnomaly(bruteForce(id, "10.0.0." + id, id));
            }
            awaitStored(store, 8);
            assertEquals(5, store.indexedCount());
            assertNull(store.get(1), "evicted from the index");
            assertNotNull(store.get(4));
            AnomalyRecord old = store.find(1);
            assertNotNull(old, "an evicted anomaly is still found in the queue");
            assertEquals("10.0.0.1", old.anomaly().subject());
            assertNull(store.find(99), "never handed out");
        }
    }

    @Test
    void shouldRaiseTheNextIdAboveAnIdItDidNotHandOut() {
        try (AnomalyStore store = AnomalyStore.open(dataDir)) {
            store.onAnomaly(bruteForce(500, "10.0.0.1", 1));
            awaitStored(store, 1);
            assertEquals(501, store.nextId().getAsLong());
        }
    }

    @Test
    void shouldReturnFromOnAnomalyAtOnceAndCountWhatDoesNotFitTheHandOver() throws Exception {
        try (AnomalyStore store = AnomalyStore.open(dataDir)) {
            // the store thread is busy: everything the detector hands over has to wait
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            store.subscribe(0, new AnomalySubscriber() {
                @Override
                public void onVersion(AnomalyRecord record) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void onEnd(String reason) {
                }
            });
            store.onAnomaly(bruteForce(1, "10.0.0.1", 1)); // blocks the store thread in the fan-out
            awaitStored(store, 1);
            long start = System.nanoTime();
            int extra = 50;
            for (int i = 0; i < AnomalyStore.MAX_HANDED_OVER + extra; i++) {
                store.onAnomaly(bruteForce(2 + i, "10.0.0.2", 2));
            }
            long micros = (System.nanoTime() - start) / 1000;
            assertEquals(extra, store.metrics().handOverOverflow());
            assertTrue(micros < 2_000_000, "onAnomaly must not block; " + micros + " us for 10 050 calls");
            release.countDown();
            awaitStored(store, 1 + AnomalyStore.MAX_HANDED_OVER);
            assertEquals(1 + AnomalyStore.MAX_HANDED_OVER, store.metrics().stored());
        }
    }
}
