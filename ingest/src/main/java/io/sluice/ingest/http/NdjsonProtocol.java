package io.sluice.ingest.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.ingest.syslog.SyslogDecoder;

/**
 * {@code POST /api/ingest}: log lines over HTTP, one record per line (LF or CR LF, blank lines skipped).
 *
 * <ul>
 *   <li>{@code application/x-ndjson}, {@code application/jsonl}, {@code application/json}: each line one JSON object,
 *       mapped by {@link JsonRecordMapper} (format JSON). A line that is not a JSON object is rejected with its line
 *       number and reason; the good lines of the same body are stored all the same.</li>
 *   <li>{@code text/plain}: each line a syslog line (RFC 5424, RFC 3164) or anything else (RAW), read by
 *       {@link SyslogDecoder} exactly as over TCP, transport HTTP. Never rejected for its content.</li>
 * </ul>
 * A line longer than {@link IngestRequest#maxLineBytes()} is rejected in both. Any other content type is refused
 * as a whole with 415. The answer is {@link NdjsonResult}'s.
 *
 * <p>Thread contract: {@link #decode} runs on an event loop and never blocks. The instance is stateless and may be
 * shared by every event loop: per-request state (mapper, syslog decoder, draft) is created per call. Allocates per
 * line (a standalone event, a Jackson tree for JSON): this is the API edge.
 */
public final class NdjsonProtocol implements HttpIngestProtocol {
    /** The media types {@link #decode} accepts, as named in a 415 answer. */
    public static final String ACCEPTED_TYPES =
        "application/x-ndjson, application/jsonl, application/json (one object per line), text/plain";

    @Override
    public String name() {
        return "ndjson";
    }

    @Override
    public NdjsonResult decode(IngestRequest request) {
        return switch (request.contentType()) {
            case "application/x-ndjson", "application/jsonl", "application/json" -> decodeJson(request);
            case "text/plain" -> decodeText(request);
            default -> throw new IngestRejection(415,
                "unsupported content type '" + request.contentType() + "': use " + ACCEPTED_TYPES);
        };
    }

    private static NdjsonResult decodeJson(IngestRequest request) {
        byte[] body = request.body().getBytes();
        BodyLines lines = new BodyLines(body, body.length);
        JsonRecordMapper mapper = new JsonRecordMapper();
        EventDraft draft = new EventDraft();
        NdjsonResult result = new NdjsonResult();
        while (lines.next()) {
            if (lines.isBlank() || rejectedAsTooLong(lines, request, result)) {
                continue;
            }
            ObjectNode record = mapper.parseObject(body, lines.start(), lines.length());
            if (record == null) {
                result.reject(lines.number(), mapper.failure());
                continue;
            }
            mapper.map(record, draft.clear());
            LogEvent event = new LogEvent(0); // writeTo sizes the raw array to the record
            draft.writeTo(event, request.receivedAtNanos(), request.peer(), request.peer().length);
            result.accept(event);
        }
        return result;
    }

    private static NdjsonResult decodeText(IngestRequest request) {
        byte[] body = request.body().getBytes();
        BodyLines lines = new BodyLines(body, body.length);
        SyslogDecoder syslog = new SyslogDecoder();
        NdjsonResult result = new NdjsonResult();
        while (lines.next()) {
            if (lines.isBlank() || rejectedAsTooLong(lines, request, result)) {
                continue;
            }
            LogEvent event = new LogEvent(lines.length());
            event.setRaw(body, lines.start(), lines.length());
            event.setTransport(Transport.HTTP);
            event.setReceivedAtNanos(request.receivedAtNanos()); // before decode: BSD dates take their year from it
            event.setPeer(request.peer(), request.peer().length);
            syslog.decode(event);
            result.accept(event);
        }
        return result;
    }

    private static boolean rejectedAsTooLong(BodyLines lines, IngestRequest request, NdjsonResult result) {
        if (lines.length() <= request.maxLineBytes()) {
            return false;
        }
        result.reject(lines.number(), "line is " + lines.length() + " bytes, longer than the limit of "
            + request.maxLineBytes());
        return true;
    }
}
