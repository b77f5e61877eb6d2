package io.sluice.ingest.http;

import java.time.Duration;

/**
 * Limits and backpressure of HTTP ingest.
 *
 * @param maxBodyBytes         largest request body as sent (compressed or not); larger: 413
 * @param maxDecompressedBytes largest body after gunzip; larger: 413 (a zip bomb stops here)
 * @param maxLineBytes         largest single line / record; larger ones are rejected records, not a failed request
 * @param backpressureWait     how long a request waits for ring space before it is answered 503
 * @param retryAfterSeconds    the {@code Retry-After} a 503 carries
 * @param maxInflightBodyBytes bytes of bodies held by requests not answered yet, all routes together ({@link
 *                             BodyBudget}); a body that does not fit: 503. At least max-body-bytes +
 *                             max-decompressed-bytes, so that any acceptable request fits an idle server
 */
public record HttpIngestSettings(int maxBodyBytes, int maxDecompressedBytes, int maxLineBytes,
                                 Duration backpressureWait, int retryAfterSeconds, long maxInflightBodyBytes) {
    public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;
    public static final int DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_BACKPRESSURE_WAIT = Duration.ofMillis(250);
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    public static final long DEFAULT_MAX_INFLIGHT_BODY_BYTES = 128L * 1024 * 1024;

    public HttpIngestSettings {
        if (maxBodyBytes < 1 || maxDecompressedBytes < maxBodyBytes || maxLineBytes < 1) {
            throw new IllegalArgumentException("http limits must be positive and max-decompressed-bytes >= "
                + "max-body-bytes, got body=" + maxBodyBytes + " decompressed=" + maxDecompressedBytes + " line="
                + maxLineBytes);
        }
        if (backpressureWait == null || backpressureWait.isNegative() || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("backpressure wait and retry-after must not be negative");
        }
        if (maxInflightBodyBytes < (long) maxBodyBytes + maxDecompressedBytes) {
            throw new IllegalArgumentException("max-inflight-body-bytes must be at least max-body-bytes + "
                + "max-decompressed-bytes (" + ((long) maxBodyBytes + maxDecompressedBytes) + "), got "
                + maxInflightBodyBytes);
        }
    }

    /** As the canonical constructor, with the in-flight budget at its default (or the least these limits need). */
    public HttpIngestSettings(int maxBodyBytes, int maxDecompressedBytes, int maxLineBytes,
                              Duration backpressureWait, int retryAfterSeconds) {
        this(maxBodyBytes, maxDecompressedBytes, maxLineBytes, backpressureWait, retryAfterSeconds,
            Math.max(DEFAULT_MAX_INFLIGHT_BODY_BYTES, (long) maxBodyBytes + maxDecompressedBytes));
    }

    public static HttpIngestSettings defaults() {
        return new HttpIngestSettings(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_LINE_BYTES,
            DEFAULT_BACKPRESSURE_WAIT, DEFAULT_RETRY_AFTER_SECONDS);
    }
}
