package io.sluice.ingest.http;

import io.sluice.core.EpochClock;
import io.sluice.core.pipeline.EventRing;
import io.sluice.ingest.PeerAddress;
import io.sluice.ingest.SourceMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one ingest route for one protocol, the same way for all of them:
 * <ol>
 *   <li>read the body within the size limits and the in-flight budget, gunzip it if asked (413 / 415 / 400, or 503 +
 *       {@code Retry-After} when the bodies held at once would exceed the budget);</li>
 *   <li>let the protocol decode it into events (bad records are reported by the protocol, not failed);</li>
 *   <li>claim ring slots and publish, waiting a bounded time for room (503 + {@code Retry-After} otherwise);</li>
 *   <li>answer only once every event is in the journal: a 2xx is a durable acknowledgement.</li>
 * </ol>
 * Never blocks the event loop. Every error answer is JSON with a reason.
 */
public final class HttpIngestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpIngestHandler.class);

    private final HttpIngestProtocol protocol;
    private final HttpIngestSettings settings;
    private final DraftPublisher publisher;
    private final DurableAcks acks;
    private final SourceMetrics source;
    private final HttpIngestMetrics metrics;
    private final EpochClock clock;
    private final BodyBudget budget;

    /** @param budget shared by every ingest route of the server: the bodies all of them hold at once */
    public HttpIngestHandler(Vertx vertx, HttpIngestProtocol protocol, HttpIngestSettings settings, EventRing ring,
                             DurableAcks acks, SourceMetrics source, HttpIngestMetrics metrics, EpochClock clock,
                             BodyBudget budget) {
        this.protocol = protocol;
        this.budget = budget;
        this.settings = settings;
        this.publisher = new DraftPublisher(vertx, ring, settings.backpressureWait());
        this.acks = acks;
        this.source = source;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Handles a request routed here; {@code pathIndex} is the {index} path parameter, if the route has one. */
    public void handle(HttpServerRequest request, String pathIndex) {
        long receivedAt = clock.epochNanos();
        HttpServerResponse response = request.response();
        BodyBudget.Hold hold = budget.hold();
        response.endHandler(ended -> hold.release()); // answered, or the client went away first
        response.closeHandler(closed -> hold.release());
        RequestBodyReader.read(request, settings, hold)
            .onFailure(error -> fail(request, error))
            .onSuccess(body -> ingest(request, pathIndex, body, receivedAt));
    }

    private void ingest(HttpServerRequest request, String pathIndex, Buffer body, long receivedAt) {
        HttpServerResponse response = request.response();
        source.bytesReceived.add(body.length());
        DecodedBody decoded;
        try {
            decoded = protocol.decode(new IngestRequest(mediaType(request.getHeader("content-type")), request.path(),
                pathIndex, body, receivedAt, PeerAddress.ascii(request.remoteAddress()), settings.maxLineBytes()));
        } catch (RuntimeException e) {
            fail(request, e);
            return;
        }
        metrics.recordsRejected.add(decoded.rejected());
        source.parseFailures.add(decoded.rejected());
        List<?> events = decoded.events();
        if (events.isEmpty()) {
            respond(response, decoded, 0);
            return;
        }
        publisher.publish(decoded.events())
            .compose(acks::whenStored)
            .onSuccess(ignored -> respond(response, decoded, events.size()))
            .onFailure(error -> fail(request, error));
    }

    private void respond(HttpServerResponse response, DecodedBody decoded, int stored) {
        source.eventsReceived.add(stored);
        metrics.eventsAccepted.add(stored);
        if (response.closed()) {
            return; // the client gave up; its events are stored all the same
        }
        decoded.respond(response);
        metrics.countResponse(response.getStatusCode());
    }

    private void fail(HttpServerRequest request, Throwable error) {
        HttpServerResponse response = request.response();
        String contentType = mediaType(request.getHeader("content-type"));
        if (error instanceof DraftPublisher.RingFull full) {
            overloaded(response, contentType, "the ring stayed full for " + full.waited().toMillis() + " ms",
                full.published() > 0 ? " (" + full.published() + " events of this body were stored)" : "");
        } else if (error instanceof BodyBudget.Exhausted exhausted) {
            overloaded(response, contentType, exhausted.getMessage(), "");
        } else if (error instanceof IngestRejection rejection) {
            send(response, rejection.contentType() != null ? rejection
                : protocol.rejection(contentType, rejection.status(), rejection.getMessage()));
        } else {
            LOG.error("{} ingest failed", protocol.name(), error);
            send(response, protocol.rejection(contentType, 500, "internal error: " + error));
        }
    }

    /** 503 + {@code Retry-After}: the same answer whichever limit pushed back, {@code why} and {@code detail} aside. */
    private void overloaded(HttpServerResponse response, String contentType, String why, String detail) {
        source.backpressurePauses.increment();
        response.putHeader("retry-after", Integer.toString(settings.retryAfterSeconds()));
        send(response, protocol.rejection(contentType, 503, "ingest is overloaded: " + why + "; retry after "
            + settings.retryAfterSeconds() + " s" + detail));
    }

    /** Sends the protocol's own error body when it has one, else the generic JSON {@code {"error": reason}}. */
    private void send(HttpServerResponse response, IngestRejection rejection) {
        metrics.countResponse(rejection.status());
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(rejection.status());
        if (rejection.contentType() != null) {
            response.putHeader("content-type", rejection.contentType()).end(rejection.body());
        } else {
            response.putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", rejection.getMessage()).encode());
        }
    }

    /** "application/x-ndjson; charset=utf-8" -> "application/x-ndjson"; absent -> "". */
    static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }


    public HttpIngestMetrics metrics() {
        return metrics;
    }
}
