package io.sluice.server.security;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.server.http.HttpApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The anomaly feed: {@code GET /api/anomalies} (filtered, newest first, cursor pages; see {@link AnomalyQuery}),
 * {@code GET /api/anomalies/{id}} (with its evidence events from the journal) and {@code GET /api/anomalies/stream}
 * (Server-Sent Events, see {@link AnomalyStream}). Errors are JSON with a reason ({@link HttpApi#error}).
 *
 * <pre>
 * GET /api/anomalies?detector=brute_force&amp;severity=%3C%3DP2&amp;limit=50
 * {"anomalies":[{...anomaly, see AnomalyJson...}],"nextCursor":"MTc2Mzg5..."}   (nextCursor null on the last page)
 * GET /api/anomalies/7
 * {...anomaly...,"evidenceEvents":[{...event as EventJsonWriter writes it...}],"evidenceMissing":[]}
 * </pre>
 *
 * The list and the cursor cover the anomalies the store indexes (the most recent
 * {@link AnomalyStore#DEFAULT_INDEX_CAPACITY}); {@code /{id}} also finds older ones in the queue, and
 * {@code sluice replay --queue anomalies} prints everything. An anomaly updated between two pages moves to the front:
 * a client paging back may miss it there, and finds it on a fresh first page.
 *
 * <p>Thread contract: handlers run on the event loop; scanning the index and reading the journal run in
 * {@code executeBlocking}. {@link #close} after the HTTP server stopped.
 */
public final class AnomalyRoutes implements AutoCloseable {
    /** How often an idle stream gets a comment line, so proxies and clients see it is alive. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    private final AnomalyStore store;
    private final EvidenceReader evidence;
    private final AnomalyStream stream;

    /** Routes over {@code store}, reading evidence from the journal in {@code dataDir}, heartbeat every 15 s. */
    public AnomalyRoutes(AnomalyStore store, Path dataDir) {
        this(store, dataDir, DEFAULT_HEARTBEAT);
    }

    public AnomalyRoutes(AnomalyStore store, Path dataDir, Duration heartbeat) {
        this.store = store;
        this.evidence = new EvidenceReader(dataDir);
        this.stream = new AnomalyStream(store, heartbeat);
    }

    /** Adds the three routes to {@code router} (behind whatever auth handler it already has). */
    public void mount(Router router) {
        router.get("/api/anomalies").handler(this::list);
        router.get("/api/anomalies/stream").handler(stream::handle);
        router.get("/api/anomalies/:id").handler(this::one);
    }

    private void list(RoutingContext ctx) {
        AnomalyQuery query;
        try {
            query = AnomalyQuery.parse(ctx.queryParams().names(), ctx.request()::getParam);
        } catch (IllegalArgumentException e) {
            HttpApi.error(ctx.response(), 400, e.getMessage());
            return;
        }
        // up to the whole index may be scanned for a rare match: not on the event loop
        ctx.vertx().executeBlocking(() -> page(query), false)
            .onSuccess(body -> sendJson(ctx, body))
            .onFailure(e -> HttpApi.error(ctx.response(), 500, "listing anomalies failed: " + e.getMessage()));
    }

    private Buffer page(AnomalyQuery query) throws IOException {
        // one more than asked tells whether there is a next page
        List<AnomalyRecord> page = store.page(query.after(), query, query.limit() + 1);
        boolean more = page.size() > query.limit();
        List<AnomalyRecord> shown = more ? page.subList(0, query.limit()) : page;
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + shown.size() * 512);
        try (JsonGenerator json = AnomalyJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("anomalies");
            for (AnomalyRecord record : shown) {
                AnomalyJson.write(record, false, json);
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", more
                ? AnomalyQuery.cursorAfter(shown.get(shown.size() - 1).anomaly()) : null);
            json.writeEndObject();
        }
        return Buffer.buffer(out.toByteArray());
    }

    private void one(RoutingContext ctx) {
        String text = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            HttpApi.error(ctx.response(), 400, "anomaly id '" + text + "' is not a number");
            return;
        }
        ctx.vertx().executeBlocking(() -> withEvidence(id), false)
            .onSuccess(body -> {
                if (body == null) {
                    HttpApi.error(ctx.response(), 404, "no anomaly " + id);
                } else {
                    sendJson(ctx, body);
                }
            })
            .onFailure(e -> HttpApi.error(ctx.response(), 500, "reading anomaly " + id + " failed: "
                + e.getMessage()));
    }

    /** The anomaly with its evidence events, or null if there is no such anomaly. */
    private Buffer withEvidence(long id) throws IOException {
        AnomalyRecord record = store.find(id);
        if (record == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = AnomalyJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            AnomalyJson.writeFields(record, json);
            evidence.write(record.anomaly().evidence(), json);
            json.writeEndObject();
        }
        return Buffer.buffer(out.toByteArray());
    }

    private static void sendJson(RoutingContext ctx, Buffer body) {
        if (!ctx.response().ended()) {
            ctx.response().putHeader("content-type", "application/json").end(body);
        }
    }

    /** Closes the journal reader; call after the HTTP server stopped. */
    @Override
    public void close() {
        evidence.close();
    }
}
