package io.sluice.server.security;

import io.sluice.server.http.HttpApi;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * {@code GET /api/anomalies/stream}: Server-Sent Events, one per anomaly version:
 *
 * <pre>
 * id: 12
 * event: anomaly
 * data: {"id":7,"version":12,"detector":"brute_force",...}
 * </pre>
 * The {@code id} is the store's version sequence. A client that sends {@code Last-Event-ID} (or
 * {@code ?lastEventId=}) first gets every version after it from the queue, then live ones; without it, only new
 * ones. A comment line ({@code : heartbeat}) keeps an idle stream alive. A client too slow to take its events is
 * disconnected and resumes with {@code Last-Event-ID}.
 *
 * <p>Thread contract: {@link #handle} and all writes run on the connection's event loop; the store calls the
 * subscriber on its own threads, which only hand the frame to that event loop.
 */
final class AnomalyStream {
    private final AnomalyStore store;
    private final long heartbeatMillis;

    AnomalyStream(AnomalyStore store, Duration heartbeat) {
        if (heartbeat.toMillis() < 1) {
            throw new IllegalArgumentException("heartbeat must be at least 1 ms, got " + heartbeat);
        }
        this.store = store;
        this.heartbeatMillis = heartbeat.toMillis();
    }

    void handle(RoutingContext ctx) {
        long after;
        try {
            after = lastEventId(ctx);
        } catch (IllegalArgumentException e) {
            HttpApi.error(ctx.response(), 400, e.getMessage());
            return;
        }
        HttpServerResponse response = ctx.response().setChunked(true)
            .putHeader("content-type", "text/event-stream; charset=utf-8")
            .putHeader("cache-control", "no-cache")
            .putHeader("x-accel-buffering", "no"); // nginx: do not buffer the stream
        response.write(": connected\n\n"); // sends the headers now, so the client knows it is connected
        Client client = new Client(ctx.vertx().getOrCreateContext(), response);
        AnomalySubscription subscription = store.subscribe(after, client);
        long timer = ctx.vertx().setPeriodic(heartbeatMillis, t -> {
            if (response.ended() || response.closed()) {
                // ended by the store, or closed before the close handler was set: nothing else cleans up then
                ctx.vertx().cancelTimer(t);
                subscription.close();
            } else {
                client.send(": heartbeat\n\n");
            }
        });
        response.closeHandler(v -> {
            ctx.vertx().cancelTimer(timer);
            subscription.close();
        });
    }

    /** The version to resume after: the header, else the query parameter, else the newest stored (live only). */
    private long lastEventId(RoutingContext ctx) {
        String text = ctx.request().getHeader("Last-Event-ID");
        if (text == null || text.isBlank()) {
            text = ctx.request().getParam("lastEventId");
        }
        if (text == null || text.isBlank()) {
            return store.lastVersion();
        }
        try {
            long id = Long.parseLong(text.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Last-Event-ID '" + text + "' is not an event id this stream sent");
    }

    /** One connected client: frames are built on the store's threads and written on the connection's context. */
    private static final class Client implements AnomalySubscriber {
        private final Context context;
        private final HttpServerResponse response;

        Client(Context context, HttpServerResponse response) {
            this.context = context;
            this.response = response;
        }

        @Override
        public void onVersion(AnomalyRecord record) {
            send("id: " + record.version() + "\nevent: anomaly\ndata: " + AnomalyJson.text(record) + "\n\n");
        }

        @Override
        public void onEnd(String reason) {
            context.runOnContext(v -> {
                if (!response.ended() && !response.closed()) {
                    response.end(": end: " + reason.replace('\n', ' ') + "\n\n");
                }
            });
        }

        void send(String frame) {
            context.runOnContext(v -> {
                if (response.ended() || response.closed()) {
                    return;
                }
                if (response.writeQueueFull()) {
                    // unbounded buffering for a stalled client is what we must not do: it resumes with Last-Event-ID
                    response.reset();
                    return;
                }
                response.write(frame);
            });
        }
    }
}
