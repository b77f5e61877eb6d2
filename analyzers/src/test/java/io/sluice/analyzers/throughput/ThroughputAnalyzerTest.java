package io.sluice.analyzers.throughput;

import static io.sluice.analyzers.TestLogEvents.at;
import static io.sluice.analyzers.TestLogEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.Throughput;
import io.sluice.analyzers.stats.Window;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThroughputAnalyzerTest {
    private final ThroughputAnalyzer analyzer = new ThroughputAnalyzer(100);
    private long sequence;

    @Test
    void shouldReadASteadyStreamsRateAtAnyMoment() {
        double streamed = 0;
        for (double now : new double[] {120.0, 150.55, 299.99, 400.0}) {
            streamTenPerSecond("web01", streamed, now); // 10 events/s, 100 ms apart, up to "now"
            streamed = now;
            Throughput minute = analyzer.throughput(Dimension.HOST, "web01", Window.ONE_MINUTE, at(now));
            assertEquals(10, minute.eventsPerSecond(), 0.05, "1m at " + now);
            assertEquals(10 * bytesPerEvent(), minute.bytesPerSecond(), 0.05 * bytesPerEvent());
            double fiveMinutes = analyzer.throughput(Dimension.HOST, "web01", Window.FIVE_MINUTES, at(now))
                .eventsPerSecond();
            assertEquals(now < 300 ? 10 * now / 300 : 10, fiveMinutes, 0.2, "5m at " + now);
        }
        assertEquals(10 * 400 / 895.0, analyzer.throughput(Dimension.HOST, "web01", Window.FIFTEEN_MINUTES, at(895))
            .eventsPerSecond(), 0.01);
    }

    @Test
    void shouldCountSecondZeroAndFiftyNineButNotSixtyInTheMinute() {
        analyzer.onEvent(event().host("h").message("a").atSecond(0).build(), 0, true);
        analyzer.onEvent(event().host("h").message("b").atSecond(59).build(), 1, true);
        assertEquals(2 / 59.5, rate("h", Window.ONE_MINUTE, 59.5), 1e-9, "2 events over the 59.5 s covered");
        assertEquals(1 / 59.0, rate("h", Window.ONE_MINUTE, 60.0), 1e-9, "second 0 left");
        assertEquals(0, rate("h", Window.ONE_MINUTE, 119.0), 1e-9);
    }

    @Test
    void shouldDecayAStoppedSourceToZeroAndListItForFifteenMinutes() {
        streamTenPerSecond("gone", 0, 30);
        assertEquals(0, rate("gone", Window.ONE_MINUTE, 90), 1e-9);
        assertEquals(250 / 295.0, rate("gone", Window.FIVE_MINUTES, 300), 1e-9, "5 s buckets: [5, 300] covered");
        assertEquals(0, rate("gone", Window.FIVE_MINUTES, 335), 1e-9);
        assertEquals(Set.of("gone"), analyzer.keys(Dimension.HOST, at(900), 900));
        assertEquals(Set.of(), analyzer.keys(Dimension.HOST, at(935), 900));
    }

    @Test
    void shouldKeyByTransportAndServiceAndCountOriginalBytes() {
        LogEvent cut = event().app("a").message("x".repeat(10)).transport(Transport.UDP).atSecond(1).build();
        cut.markTruncated(1_000);
        analyzer.onEvent(cut, 0, true);
        analyzer.onEvent(event().app("b").message("y").transport(Transport.HTTP).atSecond(1).build(), 1, true);
        assertEquals(1_000 / 59.5, analyzer.throughput(Dimension.TRANSPORT, "udp", Window.ONE_MINUTE, at(1.5))
            .bytesPerSecond(), 1e-9);
        assertEquals(1 / 59.5, analyzer.throughput(Dimension.SERVICE, "b", Window.ONE_MINUTE, at(1.5))
            .eventsPerSecond(), 1e-9);
        assertEquals(Set.of("udp", "http"), analyzer.keys(Dimension.TRANSPORT, at(2), 900));
        assertEquals(Throughput.NONE, analyzer.throughput(Dimension.SERVICE, "c", Window.ONE_MINUTE, at(1.5)));
    }

    @Test
    void shouldCountSourcesPastTheCapUnderOther() {
        ThroughputAnalyzer capped = new ThroughputAnalyzer(1);
        capped.onEvent(event().host("a").message("m").atSecond(1).build(), 0, true);
        capped.onEvent(event().host("b").message("m").atSecond(1).build(), 1, true);
        capped.onEvent(event().host("c").message("m").atSecond(1).build(), 2, true);
        assertEquals(2 / 59.5, capped.throughput(Dimension.HOST, "other", Window.ONE_MINUTE, at(1.5))
            .eventsPerSecond(), 1e-9);
        assertEquals(Set.of("a", "other"), capped.keys(Dimension.HOST, at(2), 900));
    }

    private void streamTenPerSecond(String host, double fromSecond, double toSecond) {
        for (long tenth = Math.round(Math.ceil(fromSecond * 10)); tenth < toSecond * 10; tenth++) {
            analyzer.onEvent(event().host(host).message("GET / 200").atSecond(tenth / 10.0).build(), sequence++,
                true);
        }
    }

    private static double bytesPerEvent() {
        return event().host("web01").message("GET / 200").build().originalLength();
    }

    private double rate(String host, Window window, double nowSecond) {
        return analyzer.throughput(Dimension.HOST, host, window, at(nowSecond)).eventsPerSecond();
    }
}
