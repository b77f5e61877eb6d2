package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded key table against a LinkedHashMap in access order: same keys, same ids, the LRU key evicted. */
class LruKeyTableTest {
    @Test
    void shouldEvictTheLeastRecentlyUsedKey() {
        LruKeyTable table = new LruKeyTable(3);
        int a = table.acquire(1);
        table.acquire(2);
        table.acquire(3);
        table.acquire(1); // 2 is now the stalest
        int d = table.acquire(4);
        assertEquals(LruKeyTable.NONE, table.find(2));
        assertEquals(a, table.find(1));
        assertTrue(table.lastWasNew());
        assertEquals(3, table.size());
        assertEquals(d, table.find(4));
        assertEquals(1, table.evictions());
    }

    @Test
    void shouldMatchAReferenceMapUnderRandomChurn() {
        int capacity = 257;
        LruKeyTable table = new LruKeyTable(capacity);
        Map<Long, Integer> reference = new LinkedHashMap<>(16, 0.75f, true);
        Random random = new Random(7);
        for (int op = 0; op < 300_000; op++) {
            // few key bits, so probe runs collide and wrap; some keys differ only in the high word
            long key = random.nextInt(3 * capacity) | ((long) random.nextInt(3) << 40);
            if (random.nextInt(10) == 0) {
                Integer id = reference.remove(key);
                if (id != null) {
                    table.remove(id);
                }
                continue;
            }
            Integer known = reference.get(key);
            if (known == null && reference.size() == capacity) {
                Long stalest = reference.keySet().iterator().next();
                reference.remove(stalest);
            }
            int id = table.acquire(key);
            if (known != null) {
                assertEquals((int) known, id);
            }
            reference.put(key, id);
            assertEquals(known == null, table.lastWasNew());
        }
        assertEquals(reference.size(), table.size());
        for (Map.Entry<Long, Integer> e : reference.entrySet()) {
            assertEquals((int) e.getValue(), table.find(e.getKey()), "key " + e.getKey());
        }
        List<Long> order = new ArrayList<>();
        for (int id = table.oldest(); id != LruKeyTable.NONE; id = table.newerThan(id)) {
            order.add(table.keyOf(id));
        }
        assertEquals(new ArrayList<>(reference.keySet()), order);
    }
}
