package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.support.SluiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP durability promise: a 200 means the events are in the journal and survive a crash of the process. 50 000
 * events in parallel NDJSON requests to the real jar, SIGKILL right after the last 200, restart: every acknowledged
 * event is in replay.
 */
class HttpDurabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 50_000;
    private static final int PER_REQUEST = 250;
    private static final int CLIENTS = 4;

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepEveryAcknowledgedEventAcrossAKill9() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger nonOk = new AtomicInteger();
        try (SluiceProcess sluice = SluiceProcess.run(dataDir)) {
            int port = sluice.port("http");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            AtomicInteger nextBatch = new AtomicInteger();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int b = nextBatch.getAndIncrement(); b * PER_REQUEST < EVENTS; b = nextBatch.getAndIncrement()) {
                        List<String> ids = new ArrayList<>();
                        StringBuilder body = new StringBuilder();
                        for (int i = 0; i < PER_REQUEST; i++) {
                            String id = "durable-" + (b * PER_REQUEST + i);
                            ids.add(id);
                            body.append("{\"message\":\"").append(id).append("\",\"service\":\"durability\",")
                                .append("\"level\":\"info\",\"batch\":").append(b).append("}\n");
                        }
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/ingest"))
                            .header("content-type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            assertEquals(PER_REQUEST, JSON.readTree(response.body()).get("accepted").asInt());
                            acknowledged.addAll(ids);
                        } else {
                            nonOk.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(3, TimeUnit.MINUTES);
            }
            clients.shutdown();
            sluice.kill(); // right after the last answer: no drain, no flush
        }
        assertTrue(acknowledged.size() >= EVENTS / 2, "most requests should succeed; non-200: " + nonOk.get());

        try (SluiceProcess restarted = SluiceProcess.run(dataDir)) {
            restarted.port("http"); // the journal reopened after the crash
            assertEquals(0, restarted.terminate());
        }
        Set<String> replayed = new HashSet<>();
        for (String line : SluiceProcess.runToCompletion("replay", "--data-dir", dataDir.toString())) {
            JsonNode event = JSON.readTree(line);
            replayed.add(event.get("message").asText());
            assertEquals("json", event.get("format").asText());
            assertEquals("http", event.get("transport").asText());
            assertEquals("durability", event.get("appName").asText());
            assertEquals(6, event.get("severity").asInt(), "level info");
            assertTrue(event.get("attributes").get("batch").isInt(), "other keys are kept as attributes: " + line);
        }
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(replayed);
        assertEquals(Set.of(), lost.size() > 20 ? Set.of(lost.size() + " events, e.g. " + lost.iterator().next())
            : lost, "acknowledged events missing after kill -9");
    }
}
