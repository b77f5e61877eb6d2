package io.sluice.ingest.otlp;

import io.sluice.core.LogEvent;
import io.sluice.ingest.http.DecodedBody;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;

/**
 * One decoded OTLP request: its accepted records as events, and the {@code ExportLogsServiceResponse} already
 * encoded in the request's encoding (HTTP 200; {@code partial_success} only when records were rejected).
 *
 * <p>Immutable once built; {@link #respond} runs on the request's event loop and only writes.
 *
 * @param events          accepted records, in request order
 * @param rejected        records counted in {@code partial_success.rejected_log_records}
 * @param contentType     the response's media type, the request's own
 * @param responseBody    the encoded {@code ExportLogsServiceResponse}
 */
public record OtlpDecodedBody(List<LogEvent> events, int rejected, String contentType, Buffer responseBody)
    implements DecodedBody {

    @Override
    public void respond(HttpServerResponse response) {
        response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(responseBody);
    }
}
