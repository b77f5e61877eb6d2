package io.sluice.server.security;

import static io.sluice.server.security.TestAnomalies.await;
import static io.sluice.server.security.TestAnomalies.awaitStored;
import static io.sluice.server.security.TestAnomalies.bruteForce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/anomalies/stream} over a real HTTP server, read by the JDK HttpClient. */
class AnomalyStreamTest {
    private static final long ONE_SECOND_MS = 1000;

    @TempDir
    Path dataDir;

    private AnomalyServer server;
    private AnomalyStore store;

    @BeforeEach
    void start() throws Exception {
        server = new AnomalyServer(dataDir, Duration.ofMillis(100));
        store = server.store;
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void shouldDeliverANewAnomalyWithinOneSecondOfOnAnomaly() throws Exception {
        try (SseClient client = server.stream("", null)) {
            assertEquals("text/event-stream; charset=utf-8",
                client.response.headers().firstValue("content-type").orElse(""));
            await("the client subscribed", () -> store.subscriberCount() == 1);
            long[] latenciesMicros = new long[20];
            for (int i = 0; i < latenciesMicros.length; i++) {
                long id = store.nextId().getAsLong();
                long sent = System.nanoTime();
                store.onAnomaly(bruteForce(id, "203.0.113." + i, i));
                SseClient.Event event = client.next(ONE_SECOND_MS);
                assertNotNull(event, "anomaly " + id + " not delivered within 1 s");
                latenciesMicros[i] = (event.receivedNanos() - sent) / 1000;
                assertEquals(i + 1, event.id(), "the event id is the version sequence");
                assertEquals("anomaly", event.type());
                JsonNode data = AnomalyServer.JSON.readTree(event.data());
                assertEquals(id, data.path("id").asLong());
                assertEquals("203.0.113." + i, data.path("subject").asText());
                assertEquals("open", data.path("state").asText());
            }
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            System.out.printf("anomaly SSE latency onAnomaly -> client: first %.2f ms, median %.2f ms, max %.2f ms "
                + "(%d anomalies)%n", latenciesMicros[0] / 1000.0, sorted[sorted.length / 2] / 1000.0,
                sorted[sorted.length - 1] / 1000.0, sorted.length);
            assertTrue(sorted[sorted.length - 1] < ONE_SECOND_MS * 1000);
        }
    }

    @Test
    void shouldResumeAfterLastEventIdWithNothingMissedAndNothingRepeated() throws Exception {
        long lastSeen;
        try (SseClient client = server.stream("", null)) {
            await("the client subscribed", () -> store.subscriberCount() == 1);
            store(5);
            lastSeen = ids(client, 5).get(4);
            assertEquals(5, lastSeen);
        }
        await("the first client's subscription ended", () -> store.subscriberCount() == 0);
        store(5); // versions 6 .. 10 while nobody listens
        awaitStored(store, 10);
        try (SseClient client = server.stream("", Long.toString(lastSeen))) {
            assertEquals(LongStream.rangeClosed(6, 10).boxed().toList(), ids(client, 5), "replayed from the queue");
            store(2);
            assertEquals(List.of(11L, 12L), ids(client, 2), "then live");
            int heartbeats = client.comments.get();
            await("a heartbeat after the last event", () -> client.comments.get() > heartbeats + 1);
            assertNull(client.next(0), "nothing repeated");
        }
    }

    @Test
    void shouldTakeTheLastEventIdAsAQueryParameterAndRejectAMalformedOne() throws Exception {
        store(3);
        awaitStored(store, 3);
        try (SseClient client = server.stream("?lastEventId=1", null)) {
            assertEquals(List.of(2L, 3L), ids(client, 2));
        }
        HttpResponse<String> bad = server.http.send(HttpRequest.newBuilder(server.uri("/api/anomalies/stream"))
            .header("Last-Event-ID", "yesterday").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Last-Event-ID 'yesterday'"), bad.body());
    }

    @Test
    void shouldSendHeartbeatsAndForgetAClientThatWentAway() throws Exception {
        SseClient client = server.stream("", null);
        await("the client subscribed", () -> store.subscriberCount() == 1);
        await("heartbeats", () -> client.comments.get() >= 3);
        client.close();
        await("the subscription ended when the connection closed", () -> store.subscriberCount() == 0);
    }

    private void store(int count) {
        for (int i = 0; i < count; i++) {
            store.onAnomaly(bruteForce(store.nextId().getAsLong(), "198.51.100." + i, i));
        }
    }

    private static List<Long> ids(SseClient client, int count) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ids.size() < count && System.nanoTime() < deadline) {
            SseClient.Event event = client.next(100);
            if (event != null) {
                ids.add(event.id());
            }
        }
        return ids;
    }
}
