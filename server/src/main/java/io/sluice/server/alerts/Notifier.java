package io.sluice.server.alerts;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * One kind of destination: which outbox records it wants and the JSON body that carries a batch of them. The
 * {@link AlertOutbox} does the sending, retrying and bookkeeping.
 *
 * <p>Thread contract: called on the outbox thread only; implementations keep no mutable state.
 */
interface Notifier {
    /** Short label for metrics and logs: {@code alertmanager}, {@code webhook-1}, ... */
    String name();

    /** Stable across restarts and config reorderings: the name of this destination's outbox cursor. */
    String cursorName();

    /** Where the batch is POSTed. */
    URI endpoint();

    /** False for records this destination skips (they count as done without a request). */
    boolean accepts(AlertRecord record);

    /** Most records per request. */
    int maxBatch();

    /** The request body for {@code batch} (never empty, every record accepted). */
    byte[] body(List<AlertRecord> batch) throws IOException;
}
