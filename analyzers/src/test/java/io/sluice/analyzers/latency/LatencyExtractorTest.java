package io.sluice.analyzers.latency;

import static io.sluice.analyzers.TestLogEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.analyzers.TestLogEvents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyExtractorTest {
    private static final String ACCESS = "203.0.113.7 - - [23/Nov/2026:10:00:00 +0000] \"GET /x HTTP/1.1\" 200 1234 "
        + "\"-\" \"curl/8.0\"";
    private final LatencyExtractor extractor = new LatencyExtractor(LatencySettings.defaults());

    @ParameterizedTest(name = "{0} -> {1} us")
    @CsvSource(delimiter = '|', value = {
        "{\"duration_ms\":87}|87000",
        "{\"latency_ms\":12.5}|12500",
        "{\"elapsed_ms\":3}|3000",
        "{\"response_time_ms\":250}|250000",
        "{\"duration_us\":350}|350",
        "{\"took\":5}|5000",
        "{\"duration\":40}|40000",
        "{\"latency\":41}|41000",
        "{\"elapsed\":0.25}|250000",
        "{\"response_time\":1.5}|1500000",
        "{\"request_time\":0.004}|4000",
        "{\"request_time\":2}|2000000",
        "{\"response_time\":\"1.2s\"}|1200000",
        "{\"duration_ms\":\"87\"}|87000",
        "{\"duration_ms\":1.5e2}|150000",
        "{\"http\":{\"request\":{\"duration_ms\":7}}}|7000",
        "{\"attributes\":{\"http.latency_ms\":9}}|9000",
        "{\"duration_ms\":\"n/a\",\"latency_ms\":4}|4000",
        "{\"user\":\"bob\",\"duration_ms\":-3,\"took\":6}|6000",
    })
    void shouldReadJsonAttributeFieldsInTheirUnits(String attributes, long micros) {
        assertEquals(micros, extractor.micros(event().message("done").attributes(attributes).build()));
    }

    @ParameterizedTest(name = "{0} -> {1} us")
    @CsvSource(delimiter = '|', value = {
        "[timing duration_ms=\"87\"]|87000",
        "[meta seq=\"1\"][timing@32473 elapsed=\"0.5\" took=\"2\"]|500000",
        "[t latency=\"350us\"]|350",
        "[t note=\"a \\\" quote\" duration=\"1.2s\"]|1200000",
    })
    void shouldReadStructuredDataParams(String sd, long micros) {
        assertEquals(micros, extractor.micros(event().structuredData(sd).message("done").build()));
    }

    @ParameterizedTest(name = "{0} -> {1} us")
    @CsvSource(delimiter = '|', value = {
        "request served duration=123ms status=200|123000",
        "job finished took=1.2s|1200000",
        "cache latency=350us|350",
        "cache latency=350µs|350",
        "GET /x time=0.25|250000",
        "GET /x duration=123|123000",
        "query took=900ns rows=1|1",
        "done (elapsed=2.5, rows=10)|2500000",
        "upstream request_time=\"0.5\"|500000",
        "done duration_ms=17;|17000",
    })
    void shouldReadKeyValuePairsInTheMessage(String message, long micros) {
        assertEquals(micros, extractor.micros(event().message(message).build()));
    }

    @Test
    void shouldReadTheTrailingRequestTimeOfAnAccessLogLine() {
        assertEquals(123_000, micros(ACCESS + " 0.123"));
        assertEquals(1_500, micros("GET /api/v1/items?id=42 HTTP/1.1 200 1532 0.0015"));
        assertEquals(LatencyExtractor.NONE, micros(ACCESS), "a plain combined line has no request time");
        assertEquals(LatencyExtractor.NONE, micros(ACCESS + " 123"), "an integer may be a size or apache %D");
        assertEquals(LatencyExtractor.NONE, micros("GET /x HTTP/1.1\" 200 0.5"), "the bytes field is not a time");
        assertEquals(LatencyExtractor.NONE, micros("version 1.2 took a while"), "no access-log request");
    }

    @Test
    void shouldFindNothingInTextWithoutLatency() {
        assertEquals(LatencyExtractor.NONE, micros("user login failed"));
        assertEquals(LatencyExtractor.NONE, micros("mytime=5 runtime=7 duration=fast"));
        assertEquals(LatencyExtractor.NONE, micros("duration = 5"));
        assertEquals(LatencyExtractor.NONE,
            extractor.micros(event().message("x").attributes("{\"time\":1800000000}").build()),
            "time is a timestamp in JSON, not read");
    }

    @Test
    void shouldPreferAttributesThenStructuredDataThenMessage() {
        TestLogEvents all = event().attributes("{\"duration_ms\":1}").structuredData("[t duration_ms=\"2\"]")
            .message("duration=3ms");
        assertEquals(1_000, extractor.micros(all.build()));
        assertEquals(2_000, extractor.micros(event().attributes("{\"user\":\"x\"}")
            .structuredData("[t duration_ms=\"2\"]").message("duration=3ms").build()));
    }

    @Test
    void shouldReadOnlyTheConfiguredFields() {
        LatencySettings custom = new LatencySettings(List.of(LatencyField.seconds("rt")), List.of(),
            List.of(LatencyField.micros("cost")), false, 10, 2, LatencySettings.DEFAULT_HIGHEST_MICROS);
        LatencyExtractor only = new LatencyExtractor(custom);
        assertEquals(2_000_000, only.micros(event().message("x").attributes("{\"rt\":2}").build()));
        assertEquals(LatencyExtractor.NONE, only.micros(event().message("x").attributes("{\"duration_ms\":2}").build()));
        assertEquals(42, only.micros(event().message("cost=42").build()));
        assertEquals(LatencyExtractor.NONE, only.micros(event().message(ACCESS + " 0.123").build()));
    }

    private long micros(String message) {
        return extractor.micros(event().message(message).build());
    }
}
