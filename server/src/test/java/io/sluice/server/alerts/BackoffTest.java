package io.sluice.server.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void shouldDoubleWithJitterUpToTheCapAndStartOverAfterReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        long[] bases = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (long base : bases) {
            long delayMs = TimeUnit.NANOSECONDS.toMillis(backoff.nextDelayNanos());
            assertTrue(delayMs >= base * 800 && delayMs <= Math.min(60_000, base * 1200),
                "base " + base + " s gave " + delayMs + " ms");
        }
        assertEquals(bases.length, backoff.failures());
        backoff.reset();
        assertTrue(backoff.nextDelayNanos() <= TimeUnit.MILLISECONDS.toNanos(1200));
    }

    @Test
    void shouldNotOverflowAfterManyFailures() {
        Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofSeconds(60));
        for (int i = 0; i < 200; i++) {
            long delay = backoff.nextDelayNanos();
            assertTrue(delay > 0 && delay <= TimeUnit.SECONDS.toNanos(60), "attempt " + i + ": " + delay);
        }
    }
}
