package io.sluice.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class CpuSplitTest {
    @Test
    void shouldGiveTheServerTheFirstHalfAndTheClientTheRest() {
        assumeTrue(CpuSplit.of(2) != null, "needs taskset");
        assertEquals(new CpuSplit("0", "1", "0-1"), CpuSplit.of(2));
        assertEquals(new CpuSplit("0", "1-2", "0-2"), CpuSplit.of(3));
        assertEquals(new CpuSplit("0-7", "8-15", "0-15"), CpuSplit.of(16));
    }

    @Test
    void shouldNotSplitOneCpu() {
        assertNull(CpuSplit.of(1));
    }
}
