package io.sluice.ingest.http;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real Vert.x server on a loopback port 0 whose every request is answered by the responder under test, and a real
 * client that sends one request and reads the whole answer: what a shipper would see on the wire.
 */
public final class LoopbackHttp implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    private final Vertx vertx = Vertx.vertx();
    /**
     * No keep-alive: every exchange binds a new server on port 0, and the kernel may hand out a port a previous,
     * closed server had; a pooled connection to it would carry the request to the wrong (old) responder.
     */
    private final HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));

    /** Status, headers and body of one answer. */
    public record Answer(int status, MultiMap headers, String body) {
    }

    public Answer exchange(HttpMethod method, Consumer<HttpServerResponse> responder) throws Exception {
        HttpServer server = await(vertx.createHttpServer()
            .requestHandler(request -> responder.accept(request.response()))
            .listen(0, "127.0.0.1"));
        try {
            return await(client.request(method, server.actualPort(), "127.0.0.1", "/")
                .compose(HttpClientRequest::send)
                .compose(response -> response.body()
                    .map(body -> new Answer(response.statusCode(), response.headers(), body.toString()))));
        } finally {
            await(server.close());
        }
    }

    @Override
    public void close() {
        try {
            await(vertx.close());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Vert.x did not close", e);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
