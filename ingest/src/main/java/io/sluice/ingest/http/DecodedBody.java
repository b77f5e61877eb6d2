package io.sluice.ingest.http;

import io.sluice.core.LogEvent;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;

/**
 * What a protocol made of one body: the events to store, and how to answer once they are stored.
 */
public interface DecodedBody {
    /**
     * Standalone events (not ring slots), in body order, written with {@link EventDraft#writeTo}. The source copies
     * them into claimed slots.
     */
    List<LogEvent> events();

    /**
     * Sends the protocol's answer. Called on the request's event loop only after every event of {@link #events()} is
     * in the journal (so a 2xx is a durable acknowledgement), with the status and headers still unset.
     */
    void respond(HttpServerResponse response);

    /** Records of the body that could not be turned into events (reported in the answer), for metrics. */
    default int rejected() {
        return 0;
    }
}
