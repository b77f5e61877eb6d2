package io.sluice.ingest.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.LogEvent;
import io.sluice.ingest.http.BodyLines;
import io.sluice.ingest.http.EventDraft;
import io.sluice.ingest.http.IngestRejection;
import io.sluice.ingest.http.IngestRequest;
import io.sluice.ingest.http.JsonRecordMapper;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one bulk body, action line by action line, into a {@link BulkResult} (the rules are on
 * {@link ElasticBulkProtocol}). Blank lines are skipped, so they never shift an action onto a source line.
 *
 * <p>Thread contract: one instance per request, used once on its event loop.
 */
final class BulkBodyDecoder {
    static final String ONLY_INDEX_AND_CREATE = "Sluice accepts only index and create";
    private static final String ILLEGAL_ARGUMENT = "illegal_argument_exception";

    private final IngestRequest request;
    private final byte[] body;
    private final BodyLines lines;
    private final BulkIdGenerator ids;
    private final AtomicLong seqNo;
    private final JsonRecordMapper mapper = new JsonRecordMapper();
    private final EventDraft draft = new EventDraft();
    private final BulkResult result = new BulkResult(System.nanoTime());

    /** An action line: what to do, where ({@code _index} or the path's index, maybe null) and the given id. */
    private record Action(BulkAction action, String index, String id) {
    }

    BulkBodyDecoder(IngestRequest request, BulkIdGenerator ids, AtomicLong seqNo) {
        this.request = request;
        this.body = request.body().getBytes();
        this.lines = new BodyLines(body, body.length);
        this.ids = ids;
        this.seqNo = seqNo;
    }

    BulkResult decode() {
        while (nextContentLine()) {
            int actionLine = lines.number();
            Action action = readAction();
            if (action.action().hasSource() && !nextContentLine()) {
                throw ElasticErrors.rejection(400, ILLEGAL_ARGUMENT, "The bulk request must be terminated by a newline"
                    + " [\\n]: the [" + action.action().label() + "] action on line " + actionLine
                    + " has no source document");
            }
            result.add(action.action().stores() ? store(action)
                : BulkItem.failed(action.action(), action.index(), action.id(), ILLEGAL_ARGUMENT,
                    ONLY_INDEX_AND_CREATE));
        }
        if (result.items().isEmpty()) {
            throw ElasticErrors.rejection(400, "action_request_validation_exception",
                "Validation Failed: 1: no requests added;");
        }
        return result;
    }

    private boolean nextContentLine() {
        while (lines.next()) {
            if (!lines.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Reads the current line as an action; a line that is not one makes the rest of the body unreadable. */
    private Action readAction() {
        if (lines.length() > request.maxLineBytes()) {
            throw malformed("it is " + lines.length() + " bytes, longer than the limit of " + request.maxLineBytes());
        }
        ObjectNode line = mapper.parseObject(body, lines.start(), lines.length());
        if (line == null) {
            throw malformed(mapper.failure());
        }
        if (line.size() != 1) {
            throw malformed("expected one field, [create], [delete], [index] or [update], but found " + line.size());
        }
        Map.Entry<String, JsonNode> entry = line.properties().iterator().next();
        BulkAction action = BulkAction.ofLabel(entry.getKey());
        if (action == null) {
            throw malformed("expected field [create], [delete], [index] or [update] but found ["
                + entry.getKey() + "]");
        }
        JsonNode meta = entry.getValue();
        if (!meta.isObject()) {
            throw malformed("expected START_OBJECT after [" + entry.getKey() + "] but found " + meta.getNodeType());
        }
        String index = text(meta.get("_index"));
        return new Action(action, index != null ? index : request.pathIndex(), text(meta.get("_id")));
    }

    /** Stores the source document on the current line as one event; or refuses it, as Elasticsearch would. */
    private BulkItem store(Action action) {
        String id = action.id() != null ? action.id() : ids.next();
        if (action.index() == null) {
            return refuse(action, id, "action_request_validation_exception", "Validation Failed: 1: index is missing;");
        }
        if (lines.length() > request.maxLineBytes()) {
            return refuse(action, id, ILLEGAL_ARGUMENT, "document on line " + lines.number() + " is "
                + lines.length() + " bytes, longer than the limit of " + request.maxLineBytes());
        }
        ObjectNode document = mapper.parseObject(body, lines.start(), lines.length());
        if (document == null) {
            return refuse(action, id, "mapper_parsing_exception",
                "failed to parse document on line " + lines.number() + ": " + mapper.failure());
        }
        String metadataField = document.has("_index") ? "_index" : document.has("_id") ? "_id" : null;
        if (metadataField != null) {
            return refuse(action, id, "mapper_parsing_exception", "Field [" + metadataField
                + "] is a metadata field and cannot be added inside a document. Use the index API request parameters.");
        }
        mapper.mapWellKnown(document, draft.clear());
        document.put("_index", action.index());
        document.put("_id", id);
        draft.attributesJson(JsonRecordMapper.attributesJson(document));
        LogEvent event = new LogEvent(0); // writeTo sizes the raw array to the record
        draft.writeTo(event, request.receivedAtNanos(), request.peer(), request.peer().length);
        result.addEvent(event);
        return BulkItem.created(action.action(), action.index(), id, seqNo.getAndIncrement());
    }

    private static BulkItem refuse(Action action, String id, String type, String reason) {
        return BulkItem.failed(action.action(), action.index(), id, type, reason);
    }

    private IngestRejection malformed(String detail) {
        return ElasticErrors.rejection(400, ILLEGAL_ARGUMENT,
            "Malformed action/metadata line [" + lines.number() + "], " + detail);
    }

    /** A scalar metadata value as text ({@code "_id": 7} is accepted like Elasticsearch does), else null. */
    private static String text(JsonNode value) {
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
