package io.sluice.analyzers.latency;

import java.util.List;

/**
 * Where latencies are read and how they are kept. Sources are tried in this order and the first value found wins:
 * ATTRIBUTES JSON ({@link #jsonFields}, in document order), STRUCTURED_DATA params ({@link #structuredDataParams}),
 * MESSAGE {@code key=value} pairs ({@link #messageKeys}), then an access log's trailing {@code $request_time}.
 *
 * <p>Units of bare numbers: {@code *_ms} and {@code took} (Elasticsearch style) in milliseconds, {@code *_us} in
 * microseconds; {@code elapsed}, {@code response_time}, {@code request_time} and {@code time} in seconds (what nginx,
 * Rails and most access logs print); {@code duration} and {@code latency} in milliseconds (what application loggers
 * print). {@code time} is read only in messages: as a JSON key it is usually a timestamp.
 *
 * @param jsonFields           ATTRIBUTES keys, matched on the key path's dotted tail like error status fields
 * @param structuredDataParams RFC 5424 SD-PARAM names, any SD-ID
 * @param messageKeys          keys of {@code key=value} pairs in the message
 * @param accessLogRequestTime read the last {@code d.ddd} token of an access-log line as seconds
 * @param maxServices          services with histograms, the rest share "other". A service holds 23 histograms
 *                             (7 of 10 s, 16 of 1 min), allocated at its first latency: ~320 KB at 2 digits, ~2.2 MB
 *                             at 3, so the default caps latency state at ~320 MB in the worst case
 * @param significantDigits    HdrHistogram precision: 2 (values within 1 %, 13.8 KB a histogram) or 3 (0.1 %, 94.7 KB)
 * @param highestMicros        larger latencies are recorded as this (default one hour)
 */
public record LatencySettings(List<LatencyField> jsonFields, List<LatencyField> structuredDataParams,
                              List<LatencyField> messageKeys, boolean accessLogRequestTime, int maxServices,
                              int significantDigits, long highestMicros) {
    public static final List<LatencyField> DEFAULT_JSON_FIELDS = List.of(
        LatencyField.millis("duration_ms"), LatencyField.millis("latency_ms"), LatencyField.millis("elapsed_ms"),
        LatencyField.millis("response_time_ms"), LatencyField.micros("duration_us"), LatencyField.millis("took"),
        LatencyField.millis("duration"), LatencyField.millis("latency"), LatencyField.seconds("elapsed"),
        LatencyField.seconds("response_time"), LatencyField.seconds("request_time"));
    public static final List<LatencyField> DEFAULT_STRUCTURED_DATA_PARAMS = DEFAULT_JSON_FIELDS;
    public static final List<LatencyField> DEFAULT_MESSAGE_KEYS = List.of(
        LatencyField.millis("duration_ms"), LatencyField.millis("latency_ms"), LatencyField.millis("duration"),
        LatencyField.millis("latency"), LatencyField.millis("took"), LatencyField.seconds("elapsed"),
        LatencyField.seconds("time"), LatencyField.seconds("request_time"), LatencyField.seconds("response_time"));
    /** Lower than the 10 000 of counters: a service's histograms weigh ~320 KB at 2 digits. */
    public static final int DEFAULT_MAX_SERVICES = 1_000;
    public static final int DEFAULT_SIGNIFICANT_DIGITS = 2;
    public static final long DEFAULT_HIGHEST_MICROS = 3_600_000_000L;

    public LatencySettings {
        jsonFields = List.copyOf(jsonFields);
        structuredDataParams = List.copyOf(structuredDataParams);
        messageKeys = List.copyOf(messageKeys);
        if (maxServices < 1) {
            throw new IllegalArgumentException("max services must be positive, got " + maxServices);
        }
        if (significantDigits < 1 || significantDigits > 3) {
            throw new IllegalArgumentException("significant digits must be 1..3, got " + significantDigits);
        }
        if (highestMicros < 2) {
            throw new IllegalArgumentException("highest latency must be at least 2 us, got " + highestMicros);
        }
    }

    public static LatencySettings defaults() {
        return new LatencySettings(DEFAULT_JSON_FIELDS, DEFAULT_STRUCTURED_DATA_PARAMS, DEFAULT_MESSAGE_KEYS, true,
            DEFAULT_MAX_SERVICES, DEFAULT_SIGNIFICANT_DIGITS, DEFAULT_HIGHEST_MICROS);
    }

    public LatencySettings withSignificantDigits(int digits) {
        return new LatencySettings(jsonFields, structuredDataParams, messageKeys, accessLogRequestTime, maxServices,
            digits, highestMicros);
    }
}
