package io.sluice.server;

import io.sluice.core.EpochClock;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.ingest.SourceMetrics;
import io.sluice.ingest.elastic.ElasticBulkProtocol;
import io.sluice.ingest.elastic.ElasticHandshake;
import io.sluice.ingest.http.BodyBudget;
import io.sluice.ingest.http.DurableAcks;
import io.sluice.ingest.http.HttpIngestHandler;
import io.sluice.ingest.http.HttpIngestMetrics;
import io.sluice.ingest.http.HttpIngestProtocol;
import io.sluice.ingest.http.HttpIngestSettings;
import io.sluice.ingest.http.NdjsonProtocol;
import io.sluice.ingest.otlp.OtlpLogsProtocol;
import io.sluice.server.http.HttpApi.IngestRoute;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP ingest endpoints, one handler per protocol, all sharing the ring, the durable-ack watcher and the HTTP
 * source's counters:
 * <pre>
 *   POST /api/ingest          NDJSON or text/plain lines
 *   POST /v1/logs             OTLP/HTTP logs (protobuf or JSON)
 *   POST /_bulk, /{index}/_bulk   Elasticsearch bulk API (index / create)
 *   GET  /, /_license, /_cluster/health   the Elasticsearch probes shippers make first
 * </pre>
 */
final class HttpIngestRoutes {
    private final List<IngestRoute> routes = new ArrayList<>();
    private final List<HttpIngestMetrics> metrics = new ArrayList<>();
    private final DurableAcks acks;
    /** One for every route: what bounds the heap is the bodies held at once, whichever protocol sent them. */
    private final BodyBudget bodyBudget;

    HttpIngestRoutes(Vertx vertx, HttpIngestSettings settings, EventPipeline pipeline, SourceMetrics source,
                     EpochClock clock) {
        this.acks = new DurableAcks(vertx, pipeline.progressOf(SluiceServer.JOURNAL_STAGE)::get);
        this.bodyBudget = new BodyBudget(settings.maxInflightBodyBytes());
        HttpIngestHandler ndjson = handler(vertx, new NdjsonProtocol(), settings, pipeline, source, clock);
        HttpIngestHandler otlp = handler(vertx, new OtlpLogsProtocol(), settings, pipeline, source, clock);
        HttpIngestHandler bulk = handler(vertx, new ElasticBulkProtocol(), settings, pipeline, source, clock);
        routes.add(new IngestRoute(HttpMethod.POST, "/api/ingest", ctx -> ndjson.handle(ctx.request(), null)));
        routes.add(new IngestRoute(HttpMethod.POST, "/v1/logs", ctx -> otlp.handle(ctx.request(), null)));
        routes.add(new IngestRoute(HttpMethod.POST, "/_bulk", ctx -> bulk.handle(ctx.request(), null)));
        routes.add(new IngestRoute(HttpMethod.POST, "/:index/_bulk",
            ctx -> bulk.handle(ctx.request(), ctx.pathParam("index"))));
        routes.add(new IngestRoute(HttpMethod.GET, "/", ctx -> ElasticHandshake.respond(ctx.response())));
        routes.add(new IngestRoute(HttpMethod.HEAD, "/", ctx -> ElasticHandshake.respondHead(ctx.response())));
        // Logstash sends nothing to a node without an active license; Vector checks cluster health first
        routes.add(new IngestRoute(HttpMethod.GET, "/_license",
            ctx -> ElasticHandshake.respondLicense(ctx.response())));
        routes.add(new IngestRoute(HttpMethod.GET, "/_cluster/health",
            ctx -> ElasticHandshake.respondClusterHealth(ctx.response())));
    }

    private HttpIngestHandler handler(Vertx vertx, HttpIngestProtocol protocol, HttpIngestSettings settings,
                                      EventPipeline pipeline, SourceMetrics source, EpochClock clock) {
        HttpIngestMetrics protocolMetrics = new HttpIngestMetrics(protocol.name());
        metrics.add(protocolMetrics);
        return new HttpIngestHandler(vertx, protocol, settings, pipeline.ring(), acks, source, protocolMetrics, clock,
            bodyBudget);
    }

    List<IngestRoute> routes() {
        return List.copyOf(routes);
    }

    List<HttpIngestMetrics> metrics() {
        return List.copyOf(metrics);
    }

    DurableAcks acks() {
        return acks;
    }

    BodyBudget bodyBudget() {
        return bodyBudget;
    }
}
