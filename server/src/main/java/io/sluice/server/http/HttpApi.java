package io.sluice.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.alerts.AlertEngine;
import io.sluice.analyzers.counts.CountsSnapshot;
import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.StreamStats;
import io.sluice.analyzers.counts.EventCounter;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.ingest.SourceMetrics;
import io.sluice.storage.JournalMetrics;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The HTTP API: {@code GET /health}, {@code GET /metrics} (Prometheus text), {@code GET /api/stats} (JSON counts)
 * and the ingest routes the sources bring, all but {@code /health} behind the optional bearer-token check.
 */
public final class HttpApi {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final EventCounter counter;
    private final List<SourceMetrics> sources;
    private final JournalMetrics journal;
    private final EventPipeline pipeline;
    private final BooleanSupplier accepting;
    private final long startedAtMillis = System.currentTimeMillis();

    /** A route that ingests (or answers a shipper's probe), mounted behind the auth check. */
    public record IngestRoute(HttpMethod method, String path, Handler<RoutingContext> handler) {
    }

    private final List<IngestRoute> ingestRoutes;
    private final BearerTokenAuth auth;
    private final StreamStats streamStats;
    private final AlertRoutes alertRoutes;
    private Runnable beforeScrape = () -> { };
    private final List<java.util.function.Consumer<Router>> extraRoutes = new java.util.ArrayList<>();

    public HttpApi(PrometheusMeterRegistry registry, EventCounter counter, List<SourceMetrics> sources,
                   JournalMetrics journal, EventPipeline pipeline, BooleanSupplier accepting,
                   List<IngestRoute> ingestRoutes, BearerTokenAuth auth, StreamStats streamStats, AlertEngine alerts,
                   Supplier<String> reloadRules) {
        this.ingestRoutes = List.copyOf(ingestRoutes);
        this.auth = auth;
        this.streamStats = streamStats;
        this.alertRoutes = new AlertRoutes(alerts, reloadRules);
        this.registry = registry;
        this.counter = counter;
        this.sources = sources;
        this.journal = journal;
        this.pipeline = pipeline;
        this.accepting = accepting;
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(auth);
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(this::metrics);
        router.get("/api/stats").handler(this::stats);
        router.get("/api/services/:name").handler(this::service);
        alertRoutes.mount(router);
        extraRoutes.forEach(mount -> mount.accept(router));
        for (IngestRoute route : ingestRoutes) {
            router.route(route.method(), route.path()).handler(route.handler());
        }
        router.route().last().handler(ctx -> error(ctx.response(), 404, "no route for " + ctx.request().method()
            + " " + ctx.request().path()));
        router.route().failureHandler(ctx -> error(ctx.response(), ctx.statusCode() < 0 ? 500 : ctx.statusCode(),
            ctx.failure() == null ? "request failed" : ctx.failure().getMessage()));
        return router;
    }

    private void health(RoutingContext ctx) {
        boolean up = accepting.getAsBoolean();
        json(ctx.response().setStatusCode(up ? 200 : 503), new JsonObject().put("status", up ? "UP" : "DOWN"));
    }

    private void metrics(RoutingContext ctx) {
        beforeScrape.run();
        ctx.response().putHeader("content-type", PROMETHEUS_TEXT).end(registry.scrape());
    }

    /** Adds routes another component owns (the anomaly feed), behind the same auth check. */
    public HttpApi mount(java.util.function.Consumer<Router> routes) {
        this.extraRoutes.add(routes);
        return this;
    }

    /** Runs before each scrape: gauges whose rows change (per-service stats) are rebuilt there. */
    public HttpApi beforeScrape(Runnable refresh) {
        this.beforeScrape = refresh;
        return this;
    }

    private void service(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        if (!streamStats.keys(Dimension.SERVICE).contains(name)) {
            error(ctx.response(), 404, "no service '" + name + "' seen in the last 15 minutes");
            return;
        }
        json(ctx.response(), StreamStatsJson.key(streamStats, Dimension.SERVICE, name));
    }

    private void stats(RoutingContext ctx) {
        long nowMillis = System.currentTimeMillis();
        CountsSnapshot counts = counter.snapshot(nowMillis / 1000);
        JsonObject transports = new JsonObject();
        for (SourceMetrics source : sources) {
            transports.put(source.transport().label(), new JsonObject()
                .put("received", source.eventsReceived.sum())
                .put("stored", journal.storedEvents(source.transport()))
                .put("deadLettered", journal.deadLetteredEvents(source.transport()))
                .put("bytes", source.bytesReceived.sum())
                .put("truncated", source.framesTruncated.sum())
                .put("parseFailures", source.parseFailures.sum())
                .put("connectionsActive", source.connectionsActive.get()));
        }
        counts.perTransport().forEach((label, n) -> {
            JsonObject t = transports.getJsonObject(label, new JsonObject());
            transports.put(label, t.put("counted", n));
        });
        JsonObject body = new JsonObject()
            .put("uptimeSeconds", (nowMillis - startedAtMillis) / 1000)
            .put("totals", new JsonObject()
                .put("counted", counts.total())
                .put("stored", journal.eventsAppended())
                .put("deadLettered", journal.deadLetteredEvents()))
            .put("perTransport", transports)
            .put("perSeverity", new JsonObject(new java.util.LinkedHashMap<>(counts.perSeverity())))
            .put("perApp", new JsonObject(new java.util.LinkedHashMap<>(counts.perApp())))
            .put("eventsPerSecond", counts.eventsPerSecond())
            .put("rateWindowSeconds", counts.rateWindowSeconds())
            .put("ring", new JsonObject()
                .put("size", pipeline.bufferSize())
                .put("remainingCapacity", pipeline.remainingCapacity()))
            .put("services", keys(Dimension.SERVICE))
            .put("hosts", keys(Dimension.HOST))
            .put("journal", new JsonObject()
                .put("lastSequence", journal.lastAppendedSequence())
                .put("bytesAppended", journal.bytesAppended())
                .put("diskBytes", journal.diskBytes()));
        json(ctx.response(), body);
    }

    /** The brief per key (5 m error rate, 5 m p95, 1 m events/s) for every key the analyzers list. */
    private JsonObject keys(Dimension dimension) {
        JsonObject all = new JsonObject();
        for (String key : new java.util.TreeSet<>(streamStats.keys(dimension))) {
            all.put(key, StreamStatsJson.brief(streamStats, dimension, key));
        }
        return all;
    }

    static void json(HttpServerResponse response, JsonObject body) {
        response.putHeader("content-type", "application/json").end(body.encode());
    }

    /** Every error is JSON with a reason, never an HTML page. */
    public static void error(HttpServerResponse response, int status, String reason) {
        if (!response.ended()) {
            json(response.setStatusCode(status), new JsonObject().put("error", reason));
        }
    }
}
