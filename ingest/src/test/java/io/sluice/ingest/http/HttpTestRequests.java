package io.sluice.ingest.http;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Builds {@link IngestRequest}s the way the HTTP source hands them to a protocol, for decode tests. */
public final class HttpTestRequests {
    /** Receive time stamped on every test request: 2023-11-14T22:13:20Z. */
    public static final long RECEIVED_AT_NANOS = 1_700_000_000_000_000_000L;
    public static final String PEER = "10.1.2.3:45678";
    public static final int MAX_LINE_BYTES = 65_536;

    private HttpTestRequests() {
    }

    public static IngestRequest request(String contentType, String body) {
        return request(contentType, null, body, MAX_LINE_BYTES);
    }

    public static IngestRequest request(String contentType, String pathIndex, String body, int maxLineBytes) {
        String path = pathIndex == null ? "/_bulk" : "/" + pathIndex + "/_bulk";
        return new IngestRequest(contentType, path, pathIndex, Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)),
            RECEIVED_AT_NANOS, PEER.getBytes(StandardCharsets.US_ASCII), maxLineBytes);
    }
}
