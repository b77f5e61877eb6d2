package io.sluice.ingest.elastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BulkIdGeneratorTest {
    private static final long MILLIS = 0x0123_4567_89ABL;

    @Test
    void shouldMakeTwentyUrlSafeCharacters() {
        String id = new BulkIdGenerator().next();
        assertEquals(20, id.length());
        assertTrue(id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_'), id);
    }

    @Test
    void shouldLayOutTimeThenNodeThenCounter() {
        BulkIdGenerator ids = new BulkIdGenerator(new Random(1), () -> MILLIS);
        byte[] first = Base64.getUrlDecoder().decode(ids.next());
        byte[] second = Base64.getUrlDecoder().decode(ids.next());
        assertEquals(15, first.length);
        assertArrayEquals(new byte[] {0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xAB}, Arrays.copyOf(first, 6));
        assertArrayEquals(Arrays.copyOfRange(first, 6, 12), Arrays.copyOfRange(second, 6, 12), "same node bits");
        assertEquals((counter(first) + 1) & 0xFF_FFFF, counter(second));
    }

    @Test
    void shouldNotRepeatWithinOneMillisecondAcrossThreads() throws Exception {
        BulkIdGenerator ids = new BulkIdGenerator(new Random(2), () -> MILLIS);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> fill(ids, seen));
            Future<?> b = pool.submit(() -> fill(ids, seen));
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(200_000, seen.size());
    }

    @Test
    void shouldDifferBetweenProcessesInTheSameMillisecond() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ids.add(new BulkIdGenerator(new java.security.SecureRandom(), () -> MILLIS).next());
        }
        assertEquals(100, ids.size());
        assertNotEquals(new BulkIdGenerator(new Random(3), () -> MILLIS).next(),
            new BulkIdGenerator(new Random(4), () -> MILLIS).next());
    }

    private static void fill(BulkIdGenerator ids, Set<String> seen) {
        for (int i = 0; i < 100_000; i++) {
            seen.add(ids.next());
        }
    }

    private static int counter(byte[] id) {
        return (id[12] & 0xFF) << 16 | (id[13] & 0xFF) << 8 | id[14] & 0xFF;
    }
}
