package io.sluice.analyzers.latency;

import static io.sluice.analyzers.TestLogEvents.at;
import static io.sluice.analyzers.TestLogEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.Window;
import io.sluice.core.PipelineLatencyProbe;
import org.junit.jupiter.api.Test;

class LatencyAnalyzerTest {
    private final LatencyAnalyzer analyzer = new LatencyAnalyzer(LatencySettings.defaults(), PipelineLatencyProbe.NONE,
        () -> at(0));
    private long sequence;

    @Test
    void shouldSummarisePerServiceInMilliseconds() {
        for (int ms = 1; ms <= 100; ms++) {
            add("checkout", "duration=" + ms + "ms", 1);
        }
        add("search", "took=2s", 1);
        LatencySummary checkout = analyzer.latency("checkout", Window.ONE_MINUTE, at(2));
        assertEquals(100, checkout.count());
        assertEquals(50, checkout.p50(), 0.5);
        assertEquals(90, checkout.p90(), 0.9);
        assertEquals(95, checkout.p95(), 0.95);
        assertEquals(99, checkout.p99(), 1);
        assertEquals(100, checkout.max(), 1);
        assertEquals(2_000, analyzer.latency("search", Window.FIFTEEN_MINUTES, at(2)).p50(), 20);
        assertEquals(LatencySummary.NONE, analyzer.latency("nobody", Window.ONE_MINUTE, at(2)));
    }

    @Test
    void shouldSlideTheMinuteInTenSecondStepsAndLongerWindowsInMinutes() {
        add("api", "duration=100ms", 9.9);
        add("api", "duration=200ms", 59);
        assertEquals(2, analyzer.latency("api", Window.ONE_MINUTE, at(59.999)).count());
        LatencySummary afterSixty = analyzer.latency("api", Window.ONE_MINUTE, at(60));
        assertEquals(1, afterSixty.count(), "the bucket [0, 10) left the window");
        assertEquals(200, afterSixty.max(), 2);
        assertEquals(2, analyzer.latency("api", Window.FIVE_MINUTES, at(299.9)).count());
        assertEquals(LatencySummary.NONE, analyzer.latency("api", Window.FIVE_MINUTES, at(300)), "minute 0 left");
        assertEquals(2, analyzer.latency("api", Window.FIFTEEN_MINUTES, at(899.9)).count());
        assertEquals(LatencySummary.NONE, analyzer.latency("api", Window.FIFTEEN_MINUTES, at(900)));
    }

    @Test
    void shouldDecayAQuietServiceAndReuseItsBucketsWhenItComesBack() {
        add("api", "duration=100ms", 5);
        assertEquals(LatencySummary.NONE, analyzer.latency("api", Window.ONE_MINUTE, at(70)));
        add("api", "duration=300ms", 5 + 70); // 7 fine slots of 10 s: the same slot as second 5
        LatencySummary back = analyzer.latency("api", Window.ONE_MINUTE, at(75.5));
        assertEquals(1, back.count());
        assertEquals(300, back.p50(), 3);
    }

    @Test
    void shouldCountServicesPastTheCapUnderOther() {
        LatencySettings two = new LatencySettings(LatencySettings.DEFAULT_JSON_FIELDS,
            LatencySettings.DEFAULT_STRUCTURED_DATA_PARAMS, LatencySettings.DEFAULT_MESSAGE_KEYS, true, 2, 2,
            LatencySettings.DEFAULT_HIGHEST_MICROS);
        LatencyAnalyzer capped = new LatencyAnalyzer(two, PipelineLatencyProbe.NONE, () -> at(0));
        String[] apps = {"a", "b", "c", "d"};
        for (int i = 0; i < apps.length; i++) {
            capped.onEvent(event().app(apps[i]).message("took=" + (i + 1) + "ms").atSecond(1).build(), i, true);
        }
        assertEquals(1, capped.latency("a", Window.ONE_MINUTE, at(2)).count());
        assertEquals(2, capped.latency("other", Window.ONE_MINUTE, at(2)).count());
        assertEquals(4, capped.latency("other", Window.ONE_MINUTE, at(2)).max(), 0.05);
    }

    @Test
    void shouldClampLatenciesAboveTheHighestTrackable() {
        add("batch", "elapsed=7200", 1);
        assertEquals(3_600_000, analyzer.latency("batch", Window.ONE_MINUTE, at(2)).max(), 36_000);
    }

    @Test
    void shouldTimeEveryEventIntoThePipelineProbeAgainstItsBatchStart() {
        PipelineLatencyRecorder recorder = new PipelineLatencyRecorder();
        double[] clock = {10.002};
        LatencyAnalyzer timed = new LatencyAnalyzer(LatencySettings.defaults(), recorder, () -> at(clock[0]));
        timed.onBatchStart(2, 0);
        clock[0] = 10.009; // read once per batch: the clock moving during the batch changes nothing
        timed.onEvent(event().app("a").message("no latency here").atSecond(10).build(), 0, false);
        timed.onEvent(event().app("a").message("no latency here").atSecond(10.001).build(), 1, true);
        LatencySummary minute = recorder.window(Window.ONE_MINUTE, at(10.5));
        assertEquals(2, minute.count());
        assertEquals(2, minute.max(), 0.01);
        assertEquals(1, minute.p50(), 0.01);
        assertEquals(2, recorder.sinceStart().count());
        assertEquals(0, recorder.window(Window.ONE_MINUTE, at(80)).count());
        assertEquals(2, recorder.sinceStart().count(), "since start never decays");
    }

    @Test
    void shouldCountEveryEventOfARunOfEqualSamplesOnceTheBatchEnds() {
        PipelineLatencyRecorder recorder = new PipelineLatencyRecorder();
        long now = at(20.004);
        for (int i = 0; i < 3; i++) {
            recorder.record(at(20.001), now); // three events of one read: 3 ms each
        }
        recorder.record(at(20.003), now); // the next read's: 1 ms
        assertEquals(3, recorder.window(Window.ONE_MINUTE, at(20.5)).count(), "a run is recorded when it ends");
        recorder.endOfBatch();
        LatencySummary minute = recorder.window(Window.ONE_MINUTE, at(20.5));
        assertEquals(4, minute.count());
        assertEquals(3, minute.p50(), 0.01);
        assertEquals(3, minute.max(), 0.01);
        assertEquals(4, recorder.sinceStart().count());
    }

    private void add(String app, String message, double second) {
        analyzer.onEvent(event().app(app).message(message).atSecond(second).build(), sequence++, true);
    }
}
