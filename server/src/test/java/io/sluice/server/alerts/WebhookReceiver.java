package io.sluice.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook endpoint on 127.0.0.1 that fails (500 unless told) its first {@code failFirst} requests, keeps the rest. */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final int failStatus;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server, int failFirst, int failStatus) {
        this.server = server;
        this.failuresLeft = new AtomicInteger(failFirst);
        this.failStatus = failStatus;
    }

    /** Starts on {@code port} (0: a free one). */
    static WebhookReceiver start(int port, int failFirst) throws IOException {
        return start(port, failFirst, 500);
    }

    /** As {@link #start(int, int)}, failing with {@code failStatus}. */
    static WebhookReceiver start(int port, int failFirst, int failStatus) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        WebhookReceiver receiver = new WebhookReceiver(server, failFirst, failStatus);
        server.createContext("/hook", receiver::handle);
        server.start();
        return receiver;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        int status = 200;
        if (failuresLeft.getAndDecrement() > 0) {
            status = failStatus;
        } else {
            accepted.add(JSON.readTree(body));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    /** Bodies answered with 200, in arrival order. */
    List<JsonNode> accepted() {
        return accepted;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
