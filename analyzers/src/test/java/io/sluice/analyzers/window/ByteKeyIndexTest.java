package io.sluice.analyzers.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteKeyIndexTest {
    @Test
    void shouldGiveEachKeyOneDenseIdWhateverTheOrderOfLookups() {
        ByteKeyIndex index = new ByteKeyIndex(1_000);
        Map<String, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        // runs of one key (the last-id shortcut), alternation, and keys that are prefixes of each other
        String[] keys = {"web", "web1", "web10", "we", "db", "-", "tcp", "udp", "web-01.example.org"};
        for (int i = 0; i < 50_000; i++) {
            String key = keys[random.nextInt(keys.length)];
            int run = random.nextInt(4) == 0 ? random.nextInt(5) : 1;
            for (int r = 0; r < run; r++) {
                int id = idOf(index, "  " + key + "  ", 2, key.length()); // a span inside a longer line
                Integer known = expected.putIfAbsent(key, id);
                assertEquals(known == null ? id : known, id, key);
            }
        }
        assertEquals(keys.length, index.size());
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertTrue(e.getValue() < keys.length, "ids are dense");
            assertEquals(e.getKey(), index.name(e.getValue()));
            assertEquals(e.getValue(), index.find(e.getKey()));
        }
    }

    @Test
    void shouldSendKeysPastTheCapToOverflowAndKeepTheKnownOnes() {
        ByteKeyIndex index = new ByteKeyIndex(2);
        int a = idOf(index, "a", 0, 1);
        int b = idOf(index, "b", 0, 1);
        assertFalse(index.overflowed());
        assertEquals(index.overflowId(), idOf(index, "c", 0, 1));
        assertEquals(index.overflowId(), idOf(index, "c", 0, 1), "again, right after");
        assertEquals(b, idOf(index, "b", 0, 1));
        assertEquals(a, idOf(index, "a", 0, 1));
        assertEquals(index.overflowId(), idOf(index, "d", 0, 1));
        assertTrue(index.overflowed());
        assertEquals(ByteKeyIndex.OVERFLOW_KEY, index.name(index.overflowId()));
        assertEquals(2, index.size());
    }

    private static int idOf(ByteKeyIndex index, String text, int offset, int length) {
        return index.idOf(text.getBytes(StandardCharsets.UTF_8), offset, length);
    }
}
