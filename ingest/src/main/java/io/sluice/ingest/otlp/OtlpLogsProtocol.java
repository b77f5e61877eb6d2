package io.sluice.ingest.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.sluice.core.LogEvent;
import io.sluice.ingest.http.DecodedBody;
import io.sluice.ingest.http.HttpIngestProtocol;
import io.sluice.ingest.http.IngestRejection;
import io.sluice.ingest.http.IngestRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * OTLP/HTTP logs ({@code POST /v1/logs}): an {@code ExportLogsServiceRequest} in binary protobuf
 * ({@code application/x-protobuf}) or OTLP/JSON ({@code application/json}) becomes one {@link LogEvent} per log record
 * (see {@link LogRecordMapper} for the field mapping), answered with an {@code ExportLogsServiceResponse} in the same
 * encoding.
 *
 * <p>Partial success: a record whose stored event (body, ids, attributes JSON with its resource and scope) would be
 * longer than {@link IngestRequest#maxLineBytes()} is rejected, counted in {@code partial_success}, and the rest are
 * stored; the answer is still 200, as the specification wants. Nothing else rejects a single record: an empty record
 * is stored, an invalid trace or span id is dropped from the event. Failures of the whole body are
 * {@link IngestRejection}s carrying a {@code google.rpc.Status} in the request's encoding: 415 for another content
 * type (answered in protobuf, OTLP's default), 400 for a body that does not parse.
 *
 * <p>Thread contract: stateless, one instance serves every event loop; {@link #decode} does not block.
 */
public final class OtlpLogsProtocol implements HttpIngestProtocol {
    /** The specification's default path for logs. */
    public static final String PATH = "/v1/logs";

    @Override
    public String name() {
        return "otlp";
    }

    @Override
    public DecodedBody decode(IngestRequest request) {
        OtlpEncoding encoding = OtlpEncoding.ofContentType(request.contentType());
        if (encoding == null) {
            throw OtlpEncoding.PROTOBUF.rejection(415, "unsupported content type \"" + request.contentType()
                + "\": OTLP/HTTP takes application/x-protobuf or application/json");
        }
        ExportLogsServiceRequest export;
        try {
            export = encoding.readRequest(request.body().getBytes());
        } catch (IOException e) {
            throw encoding.rejection(400, "not an OTLP ExportLogsServiceRequest in " + encoding.contentType() + ": "
                + e.getMessage());
        }
        return toEvents(export, encoding, request);
    }

    /**
     * A failure the source decides on its own (413, 429, 503, ...) answered as OTLP wants it: a
     * {@code google.rpc.Status} in the request's encoding, protobuf when that is neither.
     */
    @Override
    public IngestRejection rejection(String requestContentType, int status, String message) {
        OtlpEncoding encoding = OtlpEncoding.ofContentType(requestContentType);
        return (encoding == null ? OtlpEncoding.PROTOBUF : encoding).rejection(status, message);
    }

    private static OtlpDecodedBody toEvents(ExportLogsServiceRequest export, OtlpEncoding encoding,
                                            IngestRequest request) {
        LogRecordMapper mapper = new LogRecordMapper();
        List<LogEvent> events = new ArrayList<>();
        RejectedRecords rejected = new RejectedRecords(request.maxLineBytes());
        byte[] peer = request.peer() == null ? new byte[0] : request.peer();
        for (int r = 0; r < export.getResourceLogsCount(); r++) {
            ResourceLogs resourceLogs = export.getResourceLogs(r);
            mapper.onResource(resourceLogs.getResource());
            for (int s = 0; s < resourceLogs.getScopeLogsCount(); s++) {
                ScopeLogs scopeLogs = resourceLogs.getScopeLogs(s);
                mapper.onScope(scopeLogs.getScope());
                for (int l = 0; l < scopeLogs.getLogRecordsCount(); l++) {
                    LogRecord record = scopeLogs.getLogRecords(l);
                    LogEvent event = new LogEvent(0); // sized to its record: it lives only until copied into a slot
                    mapper.map(record).writeTo(event, request.receivedAtNanos(), peer, peer.length);
                    if (rejected.accepts(event, r, s, l)) {
                        events.add(event);
                    }
                }
            }
        }
        ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
        if (rejected.count() > 0) {
            response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                .setRejectedLogRecords(rejected.count())
                .setErrorMessage(rejected.message()));
        }
        return new OtlpDecodedBody(events, rejected.count(), encoding.contentType(),
            encoding.writeResponse(response.build()));
    }
}
