package io.sluice.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A store in a data dir and its routes on a real HTTP server (127.0.0.1, a free port), with a JDK client. */
final class AnomalyServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final AnomalyStore store;
    final HttpClient http = HttpClient.newHttpClient();
    final int port;
    private final Vertx vertx = Vertx.vertx();
    private final AnomalyRoutes routes;

    AnomalyServer(Path dataDir, Duration heartbeat) throws Exception {
        store = AnomalyStore.open(dataDir);
        routes = new AnomalyRoutes(store, dataDir, heartbeat);
        Router router = Router.router(vertx);
        routes.mount(router);
        port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    AnomalyServer(Path dataDir) throws Exception {
        this(dataDir, AnomalyRoutes.DEFAULT_HEARTBEAT);
    }

    /** GETs {@code path}, checks the status and that the answer is JSON, and parses it. */
    JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
        return JSON.readTree(response.body());
    }

    /** Connects an SSE client to the stream; {@code query} is appended to the path, {@code lastEventId} may be null. */
    SseClient stream(String query, String lastEventId) throws Exception {
        return SseClient.connect(http, port, "/api/anomalies/stream" + query, lastEventId);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            routes.close();
            store.close();
        }
    }
}
