package io.sluice.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnalyzerStagesTest {
    @Test
    void autoShouldShareThreadsOnlyWhereCoresAreFew() {
        assertEquals(AnalyzerStages.SINGLE, AnalyzerStages.AUTO.resolve(1));
        assertEquals(AnalyzerStages.SINGLE, AnalyzerStages.AUTO.resolve(2));
        assertEquals(AnalyzerStages.FUSED, AnalyzerStages.AUTO.resolve(3));
        assertEquals(AnalyzerStages.FUSED, AnalyzerStages.AUTO.resolve(4));
        assertEquals(AnalyzerStages.SEPARATE, AnalyzerStages.AUTO.resolve(16));
    }

    @Test
    void aChosenLayoutShouldStandForItselfOnAnyMachine() {
        for (int cores : new int[] {1, 2, 4, 64}) {
            assertEquals(AnalyzerStages.SINGLE, AnalyzerStages.SINGLE.resolve(cores));
            assertEquals(AnalyzerStages.FUSED, AnalyzerStages.FUSED.resolve(cores));
            assertEquals(AnalyzerStages.SEPARATE, AnalyzerStages.SEPARATE.resolve(cores));
        }
    }

    @Test
    void shouldParseConfigSpellingsAndNameTheChoicesOnATypo() {
        assertEquals(AnalyzerStages.SINGLE, AnalyzerStages.parse(" Single "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> AnalyzerStages.parse("fuse"));
        assertTrue(e.getMessage().contains("auto, single, fused, separate"), e.getMessage());
    }
}
