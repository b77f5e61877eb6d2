package io.sluice.analyzers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.LatencySummary;
import io.sluice.analyzers.stats.StreamStats;
import io.sluice.analyzers.stats.Window;
import io.sluice.core.EpochClock;
import io.sluice.core.LogEvent;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.core.pipeline.EventRing;
import io.sluice.core.pipeline.PipelineSettings;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The three analyzers as real ring stages, fed through a core EventPipeline, read through StreamStats. */
class StreamAnalyzersPipelineTest {
    private static final int EVENTS = 20_000;

    @Test
    void shouldAnswerStreamStatsForEventsPublishedThroughTheRing() {
        EpochClock clock = new EpochClock();
        StreamAnalyzers analyzers = new StreamAnalyzers(AnalyzerSettings.defaults(), clock::epochNanos);
        EventPipeline pipeline = analyzers.addStagesTo(EventPipeline.builder(PipelineSettings.defaults()
            .withRingSize(1_024))).start();
        publish(pipeline.ring(), clock, EVENTS);
        assertTrue(pipeline.drainAndStop(Duration.ofSeconds(30)));

        StreamStats stats = analyzers;
        ErrorRate errors = stats.errorRate(Dimension.SERVICE, "checkout", Window.ONE_MINUTE);
        assertEquals(new ErrorRate(EVENTS / 100, EVENTS), errors);
        assertEquals(0.01, errors.ratio(), 1e-12);
        assertEquals(new ErrorRate(EVENTS / 100, EVENTS / 100), stats.errorRate(Dimension.HOST, "web02",
            Window.FIVE_MINUTES));
        LatencySummary latency = stats.latency("checkout", Window.ONE_MINUTE);
        assertEquals(EVENTS - EVENTS / 100, latency.count());
        assertEquals(20, latency.p99(), 0.2);
        assertTrue(stats.throughput(Dimension.SERVICE, "checkout", Window.ONE_MINUTE).eventsPerSecond() > 0);
        assertEquals(Set.of("checkout"), stats.keys(Dimension.SERVICE));
        assertEquals(Set.of("web01", "web02"), stats.keys(Dimension.HOST));
        assertEquals(Set.of("tcp"), stats.keys(Dimension.TRANSPORT));
        LatencySummary own = analyzers.analyzerLatency().sinceStart();
        assertEquals(EVENTS, own.count());
        assertTrue(own.p50() >= 0 && own.max() < 30_000, "receive -> analyzer within the test's span: " + own);
    }

    @Test
    void shouldServeMonotonicConsistentReadsWhileTheStagesWrite() throws Exception {
        EpochClock clock = new EpochClock();
        StreamAnalyzers analyzers = new StreamAnalyzers(AnalyzerSettings.defaults(), clock::epochNanos);
        EventPipeline pipeline = analyzers.addStagesTo(EventPipeline.builder(PipelineSettings.defaults()
            .withRingSize(256))).start();
        AtomicReference<String> problem = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            long lastEvents = 0;
            while (!done.get() && problem.get() == null) {
                ErrorRate rate = analyzers.errorRate(Dimension.SERVICE, "checkout", Window.FIFTEEN_MINUTES);
                analyzers.latency("checkout", Window.ONE_MINUTE);
                analyzers.throughput(Dimension.HOST, "web01", Window.FIVE_MINUTES);
                analyzers.keys(Dimension.HOST);
                if (rate.errors() > rate.events() || rate.events() < lastEvents) {
                    problem.set("inconsistent read " + rate + " after " + lastEvents + " events");
                }
                lastEvents = rate.events();
            }
        }, "stats-reader");
        reader.start();
        publish(pipeline.ring(), clock, EVENTS * 5);
        assertTrue(pipeline.drainAndStop(Duration.ofSeconds(30)));
        done.set(true);
        reader.join(10_000);
        assertEquals(null, problem.get());
        assertEquals(EVENTS * 5, analyzers.errorRate(Dimension.SERVICE, "checkout", Window.FIFTEEN_MINUTES).events());
    }

    /** Publishes {@code n} events stamped now: 1 % errors from web02, the rest with a 20 ms latency from web01. */
    private static void publish(EventRing ring, EpochClock clock, int n) {
        LogEvent[] templates = {
            TestLogEvents.event().app("checkout").host("web01").message("order placed duration=20ms").build(),
            TestLogEvents.event().app("checkout").host("web02").severity(3).message("payment declined").build(),
        };
        for (int i = 0; i < n; i++) {
            long seq;
            while ((seq = ring.tryClaim(1)) < 0) {
                Thread.onSpinWait();
            }
            LogEvent slot = ring.slot(seq);
            slot.copyFrom(templates[i % 100 == 0 ? 1 : 0]);
            slot.setReceivedAtNanos(clock.epochNanos());
            ring.publish(seq);
        }
    }
}
