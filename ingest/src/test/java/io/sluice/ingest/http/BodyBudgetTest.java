package io.sluice.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BodyBudgetTest {
    @Test
    void shouldRefuseWhatDoesNotFitAndGiveBackEachHoldOnce() {
        BodyBudget budget = new BodyBudget(100);
        BodyBudget.Hold first = budget.hold();
        BodyBudget.Hold second = budget.hold();
        assertTrue(first.take(60));
        assertTrue(first.take(10));
        assertFalse(second.take(31), "70 + 31 > 100");
        assertEquals(1, budget.refusals());
        assertTrue(second.take(30));
        assertEquals(100, budget.inUseBytes());

        first.release();
        first.release(); // a response can both end and see its connection close
        assertEquals(30, budget.inUseBytes());
        assertFalse(first.take(1), "a released hold takes nothing more");
        second.release();
        assertEquals(0, budget.inUseBytes());
        assertEquals(1, budget.refusals());
    }

    @Test
    void shouldKeepTheLeastBudgetThatAnyAcceptableRequestNeeds() {
        HttpIngestSettings settings = new HttpIngestSettings(1000, 4000, 100, java.time.Duration.ofMillis(50), 1);
        assertEquals(HttpIngestSettings.DEFAULT_MAX_INFLIGHT_BODY_BYTES, settings.maxInflightBodyBytes());
        HttpIngestSettings huge = new HttpIngestSettings(100 << 20, 200 << 20, 100, java.time.Duration.ZERO, 1);
        assertEquals(300L << 20, huge.maxInflightBodyBytes(), "never below one body plus its gunzipped form");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new HttpIngestSettings(1000, 4000, 100, java.time.Duration.ZERO, 1, 4999));
        assertTrue(e.getMessage().contains("max-inflight-body-bytes"), e.getMessage());
    }
}
