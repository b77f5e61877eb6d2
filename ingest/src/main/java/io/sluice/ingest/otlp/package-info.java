/**
 * OTLP/HTTP logs ({@code POST /v1/logs}, OpenTelemetry protocol 1.x) as an HTTP ingest protocol: OpenTelemetry SDKs,
 * the Collector's {@code otlphttp} exporter and anything else that speaks OTLP/HTTP can ship logs to Sluice.
 *
 * <pre>
 *  HTTP source (event loop): body, content type
 *    '-- OtlpLogsProtocol.decode
 *          |-- OtlpEncoding.ofContentType       application/x-protobuf | application/json | else 415
 *          |-- OtlpEncoding.readRequest         protobuf-java parseFrom | OtlpJsonRequestReader (Jackson tree:
 *          |                                    OtlpJsonFields, OtlpJsonValues) -- both give ExportLogsServiceRequest;
 *          |                                    unreadable: 400
 *          |-- per resource / scope / record:   LogRecordMapper (AnyValueJson renders values) -&gt; EventDraft
 *          |                                    -&gt; standalone LogEvent; RejectedRecords drops oversized ones
 *          '-- OtlpDecodedBody                  events + ExportLogsServiceResponse encoded like the request
 *  source: events into ring slots, journal append, then OtlpDecodedBody.respond: 200 (+ partial_success)
 * </pre>
 *
 * Error bodies follow the specification (a {@code google.rpc.Status} in the request's encoding) through
 * {@link io.sluice.ingest.http.IngestRejection#contentType()} / {@code body()}; both encodings share one mapping
 * to events, so a record stores the same whichever way it came.
 */
package io.sluice.ingest.otlp;
