package io.sluice.analyzers.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BucketCursorTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAgreeWithTheDivisionsForAnyOrderOfTimes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int bucketSeconds : new int[] {1, 10, 60}) {
            BucketCursor cursor = new BucketCursor(bucketSeconds, 17);
            long t = 1_795_000_000L * SECOND;
            for (int i = 0; i < 100_000; i++) {
                // mostly forward in small steps, sometimes back across a bucket edge or far away (a late event)
                t += random.nextInt(10) == 0 ? -random.nextLong(3 * bucketSeconds * SECOND) : random.nextLong(SECOND);
                assertMoves(cursor, t, bucketSeconds, 17);
            }
        }
    }

    @Test
    void shouldHandleBucketEdgesZeroAndNegativeTimes() {
        BucketCursor cursor = new BucketCursor(10, 16);
        for (long t : new long[] {0, 10 * SECOND - 1, 10 * SECOND, -1, -10 * SECOND, -10 * SECOND - 1, 0, 5}) {
            assertMoves(cursor, t, 10, 16);
        }
    }

    private static void assertMoves(BucketCursor cursor, long t, int bucketSeconds, int slots) {
        long expected = BucketMath.bucketOf(t, bucketSeconds);
        assertEquals(expected, cursor.moveTo(t), "bucket of " + t);
        assertEquals(Math.floorMod(expected, (long) slots), cursor.slot(), "slot of " + t);
    }
}
