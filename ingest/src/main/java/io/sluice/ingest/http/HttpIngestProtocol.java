package io.sluice.ingest.http;

/**
 * One way of shipping logs over HTTP (NDJSON, OTLP/HTTP, Elasticsearch bulk): how a request body becomes events and
 * how the answer looks. The HTTP source does everything around it the same way for every protocol: auth, size
 * limits, gzip, claiming ring slots, waiting until the events are in the journal, backpressure (503).
 *
 * <p>Thread contract: {@link #decode} runs on an event loop: it must not block. It may allocate (this is the API
 * edge), but should not do more than parse.
 */
public interface HttpIngestProtocol {
    /** Short name for metrics and logs: "ndjson", "otlp", "bulk". */
    String name();

    /**
     * Decodes a complete body (already decompressed and within the size limits). Records that cannot be read are
     * reported in the result, not thrown; throws {@link IngestRejection} only when the body as a whole cannot be
     * used (unsupported content type, not the protocol's format at all).
     */
    DecodedBody decode(IngestRequest request);

    /**
     * Shapes an error the source decides on its own (413 too large, 503 overloaded, ...) the way this protocol's
     * clients expect it. The default is the source's generic JSON {@code {"error": reason}}.
     */
    default IngestRejection rejection(String requestContentType, int status, String reason) {
        return new IngestRejection(status, reason);
    }
}
