package io.sluice.ingest.http;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
     * One server for the life of this helper, answering with whatever the current exchange set: servers bound and
     * closed per exchange on port 0 could share or reuse a port inside one Vert.x, and a request then reached an
     * older responder (seen in CI).
     */
    private volatile Consumer<HttpServerResponse> responder = response -> response.setStatusCode(500).end();
    private HttpServer server;

    /** Status, headers and body of one answer. */
    public record Answer(int status, MultiMap headers, String body) {
    }

    public synchronized Answer exchange(HttpMethod method, Consumer<HttpServerResponse> answer) throws Exception {
        if (server == null) {
            server = await(vertx.createHttpServer()
                .requestHandler(request -> responder.accept(request.response()))
                .listen(0, "127.0.0.1"));
        }
        responder = answer;
        // a new JDK client (so a new connection) per exchange: no answer can be read on a connection another used
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.actualPort() + "/"))
            .method(method.name(), HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build(), HttpResponse.BodyHandlers.ofString());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        response.headers().map().forEach(headers::add);
        return new Answer(response.statusCode(), headers, response.body());
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
