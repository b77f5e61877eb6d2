package io.sluice.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventHandler;
import io.sluice.core.EpochClock;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.core.pipeline.PipelineSettings;
import io.sluice.ingest.SourceMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP source's own behaviour, whatever the protocol: limits, gzip, durable answers, backpressure. A minimal
 * line protocol stands in for NDJSON/OTLP/bulk (each is tested on its own); the ring, the consumer stage and the
 * HTTP server and client are real.
 */
class HttpIngestHandlerTest {
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> stored = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch consumerGate = new CountDownLatch(1);
    private EventPipeline pipeline;
    private HttpServer server;
    private volatile boolean gated;
    private BodyBudget budget;

    /** Each non-blank line is one event; the answer says how many. */
    private static final class LinesProtocol implements HttpIngestProtocol {
        @Override
        public String name() {
            return "lines";
        }

        @Override
        public DecodedBody decode(IngestRequest request) {
            if (!request.contentType().equals("text/plain")) {
                throw new IngestRejection(415, "text/plain only");
            }
            List<LogEvent> events = new ArrayList<>();
            for (String line : request.body().toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    LogEvent event = new LogEvent(64);
                    new EventDraft().message(line).writeTo(event, request.receivedAtNanos(), request.peer(),
                        request.peer().length);
                    events.add(event);
                }
            }
            return new DecodedBody() {
                @Override
                public List<LogEvent> events() {
                    return events;
                }

                @Override
                public void respond(HttpServerResponse response) {
                    response.end(new JsonObject().put("accepted", events.size()).encode());
                }
            };
        }
    }

    private int start(int ringSize, HttpIngestSettings settings) throws Exception {
        EventHandler<LogEvent> journal = (event, sequence, endOfBatch) -> {
            if (gated) {
                consumerGate.await();
            }
            assertEquals(Transport.HTTP, event.transport());
            stored.add(event.fieldAsString(Field.MESSAGE));
        };
        pipeline = EventPipeline.builder(PipelineSettings.defaults().withRingSize(ringSize))
            .stage("journal", journal).start();
        DurableAcks acks = new DurableAcks(vertx, pipeline.progressOf("journal")::get);
        HttpIngestHandler handler = new HttpIngestHandler(vertx, new LinesProtocol(), settings, pipeline.ring(), acks,
            new SourceMetrics(Transport.HTTP), new HttpIngestMetrics("lines"), new EpochClock(),
            budget = new BodyBudget(settings.maxInflightBodyBytes()));
        server = vertx.createHttpServer().requestHandler(request -> handler.handle(request, null))
            .listen(0, "127.0.0.1").await();
        return server.actualPort();
    }

    @AfterEach
    void stop() {
        consumerGate.countDown();
        if (server != null) {
            server.close().await();
        }
        if (pipeline != null) {
            pipeline.drainAndStop(Duration.ofSeconds(10));
        }
        vertx.close().await();
    }

    @Test
    void shouldAnswerOnlyAfterTheEventsReachedTheJournalStage() throws Exception {
        int port = start(1024, HttpIngestSettings.defaults());
        HttpResponse<String> response = post(port, "text/plain", null, "one\ntwo\nthree\n".getBytes());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(3, new JsonObject(response.body()).getInteger("accepted"));
        assertEquals(List.of("one", "two", "three"), List.copyOf(stored), "stored before the answer");
    }

    @Test
    void shouldAcceptGzipBodies() throws Exception {
        int port = start(1024, HttpIngestSettings.defaults());
        HttpResponse<String> response = post(port, "text/plain", "gzip", gzip("a\nb\n".getBytes()));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("a", "b"), List.copyOf(stored));
    }

    @Test
    void shouldRefuseBodiesOverTheLimitsWithAReason() throws Exception {
        int port = start(1024, new HttpIngestSettings(1000, 4000, 100, Duration.ofMillis(50), 1));
        HttpResponse<String> tooBig = post(port, "text/plain", null, new byte[2000]);
        assertEquals(413, tooBig.statusCode());
        assertTrue(new JsonObject(tooBig.body()).getString("error").contains("limit of 1000"), tooBig.body());

        HttpResponse<String> bomb = post(port, "text/plain", "gzip", gzip(new byte[100_000]));
        assertEquals(413, bomb.statusCode());
        assertTrue(bomb.body().contains("decompressed body"), bomb.body());

        HttpResponse<String> notGzip = post(port, "text/plain", "gzip", "plain".getBytes());
        assertEquals(400, notGzip.statusCode());
        assertTrue(notGzip.body().contains("gzip"), notGzip.body());

        HttpResponse<String> brotli = post(port, "text/plain", "br", "x".getBytes());
        assertEquals(415, brotli.statusCode());

        HttpResponse<String> wrongType = post(port, "application/xml", null, "<x/>".getBytes());
        assertEquals(415, wrongType.statusCode());
        assertTrue(stored.isEmpty());
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheRingStaysFull() throws Exception {
        int port = start(4, new HttpIngestSettings(1 << 20, 1 << 20, 1 << 10, Duration.ofMillis(100), 2));
        gated = true; // the consumer stops: the 4 slots fill and stay full
        fillTheRing(port, "a\nb\nc\nd\n");
        HttpResponse<String> overloaded = post(port, "text/plain", null, "e\n".getBytes());
        assertEquals(503, overloaded.statusCode(), overloaded.body());
        assertEquals("2", overloaded.headers().firstValue("retry-after").orElse(""));
        assertTrue(new JsonObject(overloaded.body()).getString("error").contains("overloaded"));
        consumerGate.countDown();
        assertEquals(List.of("a", "b", "c", "d"), waitForStored(4), "the first body is stored once the gate opens");
    }

    @Test
    void shouldStoreAStartedBodyWholeEvenWhenTheRingStaysFullPastTheWait() throws Exception {
        int port = start(4, new HttpIngestSettings(1 << 20, 1 << 20, 1 << 10, Duration.ofMillis(100), 2));
        gated = true; // the consumer stops: the body's first two chunks (2 slots each) get in and fill the ring
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(
            request(port, "text/plain", null, "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n".getBytes()),
            HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500); // five times the wait, ring full: refusing now would leave 4 of the 10 events stored
        consumerGate.countDown();
        HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), waitForStored(10),
            "every event once, in order");
    }

    @Test
    void shouldAnswer503WhileTheBodiesInFlightFillTheBudgetAndGiveItBackOnceAnswered() throws Exception {
        // the least budget these limits allow: one largest body plus its largest gunzipped form
        int port = start(1024, new HttpIngestSettings(1000, 1000, 100, Duration.ofMillis(100), 3, 2000));
        gated = true; // the journal stage holds the first bodies' events, so their answers (and their bytes) wait
        client.sendAsync(request(port, "text/plain", null, lines(900)), HttpResponse.BodyHandlers.ofString());
        awaitBudgetInUse(900);
        client.sendAsync(request(port, "text/plain", null, lines(900)), HttpResponse.BodyHandlers.ofString());
        awaitBudgetInUse(1800);

        HttpResponse<String> refused = post(port, "text/plain", null, lines(300));
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("3", refused.headers().firstValue("retry-after").orElse(""));
        assertTrue(new JsonObject(refused.body()).getString("error").contains("max-inflight-body-bytes"),
            refused.body());
        assertEquals(1, budget.refusals());
        assertEquals(1800, budget.inUseBytes(), "a refused body holds nothing");

        consumerGate.countDown();
        assertEquals(180, waitForStored(180).size(), "the held bodies are stored once the gate opens");
        awaitBudgetInUse(0);
        HttpResponse<String> accepted = post(port, "text/plain", null, lines(1000));
        assertEquals(200, accepted.statusCode(), accepted.body());
        awaitBudgetInUse(0);
    }

    /** {@code bytes} bytes of 10-byte lines. */
    private static byte[] lines(int bytes) {
        return "abcdefghi\n".repeat(bytes / 10).getBytes(StandardCharsets.US_ASCII);
    }

    private void awaitBudgetInUse(long bytes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (budget.inUseBytes() != bytes && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(bytes, budget.inUseBytes(), "bytes held by requests not answered yet");
    }

    /** Sends a body whose answer only comes once the gate opens, and waits until its events fill the ring. */
    private void fillTheRing(int port, String body) {
        client.sendAsync(request(port, "text/plain", null, body.getBytes()), HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pipeline.remainingCapacity() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, pipeline.remainingCapacity(), "the first body should fill the ring");
    }

    private List<String> waitForStored(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stored.size() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return List.copyOf(stored);
    }

    private HttpResponse<String> post(int port, String type, String encoding, byte[] body) throws Exception {
        return client.send(request(port, type, encoding, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(int port, String type, String encoding, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ingest"))
            .header("content-type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            b.header("content-encoding", encoding);
        }
        return b.build();
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
