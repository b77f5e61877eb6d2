package io.sluice.ingest.http;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per protocol: requests by answer, events accepted, records rejected. Written from event loops, read by the metrics
 * endpoint. Answers are counted for a fixed set of statuses, so the set of meters is known at start.
 */
public final class HttpIngestMetrics {
    /** Every status the HTTP source itself answers with. */
    public static final List<Integer> STATUSES = List.of(200, 400, 401, 404, 413, 415, 500, 503);

    private final String protocol;
    private final LongAdder[] responses = new LongAdder[STATUSES.size()];
    public final LongAdder eventsAccepted = new LongAdder();
    public final LongAdder recordsRejected = new LongAdder();

    public HttpIngestMetrics(String protocol) {
        this.protocol = protocol;
        for (int i = 0; i < responses.length; i++) {
            responses[i] = new LongAdder();
        }
    }

    public String protocol() {
        return protocol;
    }

    void countResponse(int status) {
        int i = STATUSES.indexOf(status);
        responses[i < 0 ? STATUSES.indexOf(500) : i].increment();
    }

    /** Requests answered with {@code status} (one of {@link #STATUSES}). */
    public long responses(int status) {
        int i = STATUSES.indexOf(status);
        return i < 0 ? 0 : responses[i].sum();
    }
}
