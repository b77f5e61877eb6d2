package io.sluice.ingest.elastic;

/**
 * One entry of the bulk answer's {@code items}, in request order: either a stored document ({@link #created}) or a
 * refused one ({@link #failed}).
 *
 * @param action      the request's action, the item's key in the answer
 * @param index       target index, or null when the request named none
 * @param id          document id as given or generated, or null (a delete or update without one)
 * @param status      HTTP status of the item: 201 stored, 400 refused
 * @param seqNo       {@code _seq_no} of a stored item; -1 for a refused one
 * @param errorType   Elasticsearch error type of a refused item, e.g. {@code mapper_parsing_exception}; null if stored
 * @param errorReason human-readable reason of a refused item; null if stored
 */
public record BulkItem(BulkAction action, String index, String id, int status, long seqNo, String errorType,
                       String errorReason) {
    /** Status of a stored document, as Elasticsearch answers a new one. */
    public static final int CREATED = 201;
    /** Status of a refused document. */
    public static final int BAD_REQUEST = 400;

    static BulkItem created(BulkAction action, String index, String id, long seqNo) {
        return new BulkItem(action, index, id, CREATED, seqNo, null, null);
    }

    static BulkItem failed(BulkAction action, String index, String id, String errorType, String errorReason) {
        return new BulkItem(action, index, id, BAD_REQUEST, -1, errorType, errorReason);
    }

    public boolean isError() {
        return errorType != null;
    }
}
