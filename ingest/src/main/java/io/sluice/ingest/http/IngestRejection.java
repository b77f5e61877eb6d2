package io.sluice.ingest.http;

import io.vertx.core.buffer.Buffer;

/**
 * A body that cannot be used at all. By default the source answers {@code status} with a JSON
 * {@code {"error": reason}}; a protocol whose specification fixes the error body (OTLP/HTTP answers a
 * {@code google.rpc.Status} in the request's encoding) passes its own {@link #contentType()} and {@link #body()},
 * which the source then sends as they are instead.
 */
public final class IngestRejection extends RuntimeException {
    private final int status;
    private final String contentType;
    private final Buffer body;

    public IngestRejection(int status, String reason) {
        this(status, reason, null, null);
    }

    /** A rejection with a protocol-defined body; {@code contentType} and {@code body} are both null or both set. */
    public IngestRejection(int status, String reason, String contentType, Buffer body) {
        super(reason, null, false, false); // a client's mistake: no stack trace needed
        if ((contentType == null) != (body == null)) {
            throw new IllegalArgumentException("contentType and body go together");
        }
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** Media type of {@link #body()}, or null when the source should answer its generic JSON error. */
    public String contentType() {
        return contentType;
    }

    /** The response body the protocol wants sent, or null (see {@link #contentType()}). */
    public Buffer body() {
        return body;
    }
}
