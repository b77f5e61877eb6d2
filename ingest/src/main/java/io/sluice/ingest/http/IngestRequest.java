package io.sluice.ingest.http;

import io.vertx.core.buffer.Buffer;

/**
 * A request as a protocol sees it.
 *
 * @param contentType     media type without parameters, lower case ("application/x-ndjson"), or "" if absent
 * @param path            request path ("/v1/logs", "/logs-app/_bulk")
 * @param pathIndex       the {index} path parameter of {@code /{index}/_bulk}, or null
 * @param body            the decompressed body
 * @param receivedAtNanos receive time stamped on every event of the request
 * @param peer            "ip:port" of the client as ASCII bytes
 * @param maxLineBytes    longest line or record accepted; longer ones are rejected records, not a failed request
 */
public record IngestRequest(String contentType, String path, String pathIndex, Buffer body, long receivedAtNanos,
                            byte[] peer, int maxLineBytes) {
}
