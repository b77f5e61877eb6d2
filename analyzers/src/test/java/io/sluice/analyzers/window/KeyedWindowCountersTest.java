package io.sluice.analyzers.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.Window;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Runs of adds are summed before they reach the rings: what readers see after a flush is what per-add writes give. */
class KeyedWindowCountersTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START = 1_795_000_000L * SECOND;

    @Test
    void shouldReadAfterFlushWhatItWouldHaveReadWithoutRuns() {
        SplittableRandom random = new SplittableRandom(11);
        ByteKeyIndex index = new ByteKeyIndex(8);
        KeyedWindowCounters counters = new KeyedWindowCounters(Dimension.HOST, index);
        PairCounterRing fine = new PairCounterRing(index.idCapacity(), KeyedWindowCounters.FINE_SECONDS,
            KeyedWindowCounters.FINE_SLOTS);
        PairCounterRing coarse = new PairCounterRing(index.idCapacity(), KeyedWindowCounters.COARSE_SECONDS,
            KeyedWindowCounters.COARSE_SLOTS);
        long now = START;
        for (int n = 0; n < 20_000; n++) {
            now += random.nextInt(4) == 0 ? random.nextLong(SECOND / 2) : random.nextLong(1_000);
            long at = random.nextInt(50) == 0 ? now - random.nextLong(3 * SECOND) : now; // a few arrive late
            String host = "host-" + (random.nextInt(3) == 0 ? random.nextInt(10) : 0);
            byte[] key = host.getBytes(StandardCharsets.US_ASCII);
            int id = index.idOf(key, 0, key.length);
            long first = 1;
            long second = random.nextInt(100);
            counters.add(id, at, first, second);
            fine.add(id, at, first, second);
            coarse.add(id, at, first, second);
            if (random.nextInt(16) == 0) {
                counters.flush(); // an end of batch
                assertSameSums(counters, fine, coarse, index, now);
            }
        }
        counters.flush();
        assertSameSums(counters, fine, coarse, index, now);
    }

    private static void assertSameSums(KeyedWindowCounters counters, PairCounterRing fine, PairCounterRing coarse,
                                       ByteKeyIndex index, long now) {
        for (int id = 0; id < index.size(); id++) {
            for (Window window : Window.values()) {
                long[] actual = new long[2];
                counters.sum(index.name(id), window, now, actual);
                PairCounterRing ring = window.seconds() <= Window.ONE_MINUTE.seconds() ? fine : coarse;
                long[] expected = new long[2];
                ring.sum(id, window.seconds() / ring.bucketSeconds(), now, expected);
                assertArrayEquals(expected, actual, index.name(id) + " over " + window);
            }
        }
    }
}
