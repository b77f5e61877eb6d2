package io.sluice.analyzers.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.TestLogEvents;
import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.Window;
import io.sluice.analyzers.window.LatencyWindows;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Percentiles of a window against a sorted-array reference, on a million lognormal samples (median ~20 ms). */
class PercentileAccuracyTest {
    private static final int SAMPLES = 1_000_000;

    @ParameterizedTest(name = "{0} significant digits")
    @ValueSource(ints = {2, 3})
    void shouldMatchASortedReferenceWithinHdrHistogramPrecision(int digits) {
        long[] micros = lognormalMicros();
        LatencyWindows windows = new LatencyWindows(LatencySettings.DEFAULT_HIGHEST_MICROS, digits);
        long at = TestLogEvents.at(30);
        for (long value : micros) {
            windows.record(at, value);
        }
        Histogram merged = LatencyWindows.readerHistogram(LatencySettings.DEFAULT_HIGHEST_MICROS, digits);
        windows.addTo(merged, Window.ONE_MINUTE, TestLogEvents.at(31));
        LatencySummary summary = LatencyWindows.summarize(merged);

        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        double precision = Math.pow(10, -digits); // relative; HdrHistogram's guarantee for the digits asked
        assertEquals(SAMPLES, summary.count());
        assertWithin(sorted, 50, summary.p50(), precision);
        assertWithin(sorted, 90, summary.p90(), precision);
        assertWithin(sorted, 95, summary.p95(), precision);
        assertWithin(sorted, 99, summary.p99(), precision);
        assertWithin(sorted, 99.9, summary.p999(), precision);
        assertWithin(sorted, 100, summary.max(), precision);
    }

    private static void assertWithin(long[] sorted, double percentile, double actualMillis, double precision) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        double expectedMillis = sorted[Math.max(rank, 1) - 1] / 1000.0;
        double tolerance = expectedMillis * precision + 0.001; // plus one microsecond, the unit
        assertTrue(Math.abs(actualMillis - expectedMillis) <= tolerance,
            "p" + percentile + ": " + actualMillis + " ms vs reference " + expectedMillis + " ms");
    }

    private static long[] lognormalMicros() {
        SplittableRandom random = new SplittableRandom(42);
        long[] values = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            values[i] = Math.round(Math.exp(Math.log(20_000) + 1.2 * gaussian)); // median 20 ms, long tail
        }
        return values;
    }
}
