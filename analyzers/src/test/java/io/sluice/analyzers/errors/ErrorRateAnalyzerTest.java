package io.sluice.analyzers.errors;

import static io.sluice.analyzers.TestLogEvents.at;
import static io.sluice.analyzers.TestLogEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.ErrorRate;
import io.sluice.analyzers.stats.Window;
import io.sluice.core.Transport;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorRateAnalyzerTest {
    private final ErrorRateAnalyzer analyzer = new ErrorRateAnalyzer(ErrorSettings.defaults(), 100);
    private long sequence;

    @Test
    void shouldKeepSecondZeroAndFiftyNineInTheMinuteUntilSecondSixty() {
        add("api", 3, 0);
        add("api", 6, 59);
        assertEquals(new ErrorRate(1, 2), rate("api", Window.ONE_MINUTE, 59.999));
        assertEquals(new ErrorRate(0, 1), rate("api", Window.ONE_MINUTE, 60.0), "second 0 left the window");
        add("api", 2, 60);
        assertEquals(new ErrorRate(1, 2), rate("api", Window.ONE_MINUTE, 60.5));
        assertEquals(new ErrorRate(1, 1), rate("api", Window.ONE_MINUTE, 119.9));
        assertEquals(ErrorRate.NONE, rate("api", Window.ONE_MINUTE, 120.0));
    }

    @Test
    void shouldSlideFiveAndFifteenMinuteWindowsOnFiveSecondBuckets() {
        add("api", 3, 0);
        add("api", 6, 4.9);
        add("api", 6, 299);
        assertEquals(new ErrorRate(1, 3), rate("api", Window.FIVE_MINUTES, 299.999));
        assertEquals(new ErrorRate(0, 1), rate("api", Window.FIVE_MINUTES, 300.0), "the bucket [0, 5) left");
        assertEquals(new ErrorRate(1, 3), rate("api", Window.FIFTEEN_MINUTES, 899.999));
        assertEquals(new ErrorRate(0, 1), rate("api", Window.FIFTEEN_MINUTES, 900.0));
        assertEquals(ErrorRate.NONE, rate("api", Window.FIFTEEN_MINUTES, 1_200.0));
    }

    @Test
    void shouldDecayAQuietKeyToZeroWithoutNewEvents() {
        for (int s = 0; s < 10; s++) {
            add("quiet", s % 2 == 0 ? 3 : 6, s);
        }
        assertEquals(0.5, rate("quiet", Window.ONE_MINUTE, 10).ratio(), 1e-12);
        assertEquals(ErrorRate.NONE, rate("quiet", Window.ONE_MINUTE, 70));
        assertEquals(new ErrorRate(5, 10), rate("quiet", Window.FIVE_MINUTES, 70));
        assertEquals(ErrorRate.NONE, rate("quiet", Window.FIVE_MINUTES, 310));
        assertEquals(new ErrorRate(5, 10), rate("quiet", Window.FIFTEEN_MINUTES, 310));
        assertEquals(Set.of("quiet"), analyzer.keys(Dimension.SERVICE, at(310), 900));
        assertEquals(Set.of(), analyzer.keys(Dimension.SERVICE, at(915), 900));
    }

    @Test
    void shouldClearALapOldBucketWhenAKeyComesBack() {
        add("api", 3, 10);
        add("api", 6, 10 + 64); // the fine ring has 64 slots: second 74 reuses second 10's slot
        assertEquals(new ErrorRate(0, 1), rate("api", Window.ONE_MINUTE, 74.5));
        add("batch", 3, 10);
        add("batch", 6, 10 + 920); // the coarse ring: 184 slots of 5 s
        assertEquals(new ErrorRate(0, 1), rate("batch", Window.FIFTEEN_MINUTES, 930.5));
    }

    @Test
    void shouldCountAnEventArrivingSlightlyOutOfOrder() {
        add("api", 6, 20);
        add("api", 3, 19.9);
        assertEquals(new ErrorRate(1, 2), rate("api", Window.ONE_MINUTE, 20.5));
        assertEquals(new ErrorRate(1, 2), rate("api", Window.FIVE_MINUTES, 20.5));
    }

    @Test
    void shouldCountKeysPastTheCapUnderOther() {
        ErrorRateAnalyzer capped = new ErrorRateAnalyzer(ErrorSettings.defaults(), 2);
        String[] apps = {"a", "b", "c", "d", "a", "e"};
        for (int i = 0; i < apps.length; i++) {
            capped.onEvent(event().app(apps[i]).severity(i == 5 ? 3 : 6).message("m").atSecond(1).build(), i, true);
        }
        assertEquals(new ErrorRate(0, 2), capped.errorRate(Dimension.SERVICE, "a", Window.ONE_MINUTE, at(2)));
        assertEquals(new ErrorRate(1, 3), capped.errorRate(Dimension.SERVICE, "other", Window.ONE_MINUTE, at(2)));
        assertEquals(ErrorRate.NONE, capped.errorRate(Dimension.SERVICE, "c", Window.ONE_MINUTE, at(2)));
        assertEquals(Set.of("a", "b", "other"), capped.keys(Dimension.SERVICE, at(2), 900));
    }

    @Test
    void shouldKeyHostsByHostnameElsePeerAddressAndTransportsByLabel() {
        analyzer.onEvent(event().host("web01").severity(3).message("x").atSecond(1).build(), 0, true);
        analyzer.onEvent(event().peer("10.1.2.3:5514").severity(3).message("x").atSecond(1).build(), 1, true);
        analyzer.onEvent(event().peer("10.1.2.3:5999").message("x").atSecond(1).build(), 2, true);
        analyzer.onEvent(event().peer("[2001:db8::1]:5514").transport(Transport.UDP).message("x").atSecond(1).build(),
            3, true);
        assertEquals(new ErrorRate(1, 1), analyzer.errorRate(Dimension.HOST, "web01", Window.ONE_MINUTE, at(2)));
        assertEquals(new ErrorRate(1, 2), analyzer.errorRate(Dimension.HOST, "10.1.2.3", Window.ONE_MINUTE, at(2)));
        assertEquals(new ErrorRate(0, 1), analyzer.errorRate(Dimension.HOST, "2001:db8::1", Window.ONE_MINUTE, at(2)));
        assertEquals(new ErrorRate(2, 3), analyzer.errorRate(Dimension.TRANSPORT, "tcp", Window.ONE_MINUTE, at(2)));
        assertEquals(new ErrorRate(0, 1), analyzer.errorRate(Dimension.TRANSPORT, "udp", Window.ONE_MINUTE, at(2)));
        assertEquals(new ErrorRate(2, 4), analyzer.errorRate(Dimension.SERVICE, "-", Window.ONE_MINUTE, at(2)));
    }

    private void add(String app, int severity, double second) {
        analyzer.onEvent(event().app(app).severity(severity).message("m").atSecond(second).build(), sequence++, true);
    }

    private ErrorRate rate(String app, Window window, double nowSecond) {
        return analyzer.errorRate(Dimension.SERVICE, app, window, at(nowSecond));
    }
}
