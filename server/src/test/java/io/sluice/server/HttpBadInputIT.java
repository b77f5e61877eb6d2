package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.ingest.http.HttpIngestSettings;
import io.sluice.server.support.TestServers;
import io.sluice.storage.JournalQueue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ingest endpoint against a client's mistakes: each gets its status with a JSON reason (never a 500), the good
 * lines of a half-bad body are stored, and the server is healthy afterwards. 503 under a full ring is covered by
 * HttpIngestHandlerTest, where the ring can be held full.
 */
class HttpBadInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "it-token-0123456789abcdef";

    @TempDir
    Path dataDir;

    private HttpClient client;
    private int port;

    @Test
    void shouldAnswerEveryMistakeWithItsStatusAndAReason() throws Exception {
        try (SluiceServer server = SluiceServer.start(TestServers.loopback(dataDir)
            .withAuthTokens(List.of(TOKEN))
            .withHttpIngest(new HttpIngestSettings(64 * 1024, 256 * 1024, 4 * 1024, Duration.ofMillis(250), 1)))) {
            client = HttpClient.newHttpClient();
            port = server.port("http");

            expect(200, send("GET", "/health", null, null, null, null), null);
            expect(401, send("POST", "/api/ingest", null, "application/x-ndjson", null, "{}"), "bearer token");
            expect(401, send("POST", "/api/ingest", "wrong-token-0123456789", "application/x-ndjson", null, "{}"),
                "invalid bearer token");
            expect(401, send("GET", "/metrics", null, null, null, null), "bearer token");
            expect(415, post("/api/ingest", "application/xml", null, "<log/>"), "content type");
            expect(415, post("/api/ingest", "application/x-ndjson", "br", "{}"), "content-encoding");
            expect(400, post("/api/ingest", "application/x-ndjson", "gzip", "not gzip"), "gzip");
            expect(413, post("/api/ingest", "application/x-ndjson", null, "x".repeat(100 * 1024)), "limit");
            expect(404, send("POST", "/api/nope", TOKEN, "application/json", null, "{}"), "no route");
            expect(415, post("/v1/logs", "text/plain", null, "hello"), null);
            expect(400, post("/v1/logs", "application/json", null, "{\"resourceLogs\": 7}"), null);
            expect(413, post("/v1/logs", "application/json", null, "{" + " ".repeat(100 * 1024) + "}"), null);
            expect(400, post("/_bulk", "application/x-ndjson", null, "not an action\n"), null);
            expect(413, post("/_bulk", "application/x-ndjson", null, "x".repeat(100 * 1024)), null);
            expect(415, post("/_bulk", "text/html", null, "{}\n{}\n"), null);

            HttpResponse<String> mixed = post("/api/ingest", "application/x-ndjson", null,
                "{\"message\":\"good one\",\"service\":\"bad-input\"}\n{not json\n"
                    + "{\"message\":\"good two\",\"service\":\"bad-input\"}\n\"a string\"\n");
            assertEquals(200, mixed.statusCode(), mixed.body());
            JsonNode answer = JSON.readTree(mixed.body());
            assertEquals(2, answer.get("accepted").asInt());
            assertEquals(2, answer.get("rejected").asInt());
            assertEquals(2, answer.get("errors").get(0).get("line").asInt());
            assertEquals(4, answer.get("errors").get(1).get("line").asInt());
            assertFalse(answer.get("errors").get(0).get("reason").asText().isBlank());

            HttpResponse<String> bulk = post("/logs-app/_bulk", "application/x-ndjson", null,
                "{\"index\":{}}\n{\"message\":\"bulk ok\"}\n{\"delete\":{\"_id\":\"1\"}}\n{\"index\":{}}\n{broken\n");
            assertEquals(200, bulk.statusCode(), bulk.body());
            JsonNode items = JSON.readTree(bulk.body());
            assertTrue(items.get("errors").asBoolean());
            assertEquals(201, items.get("items").get(0).get("index").get("status").asInt());
            assertEquals(400, items.get("items").get(1).get("delete").get("status").asInt());
            assertEquals(400, items.get("items").get(2).get("index").get("status").asInt());

            expect(200, send("GET", "/health", null, null, null, null), null);
            String metrics = send("GET", "/metrics", TOKEN, null, null, null).body();
            assertTrue(metrics.contains("sluice_http_unauthorized_total 3.0"), metrics);
            assertTrue(metrics.contains("sluice_http_ingest_requests_total{protocol=\"ndjson\",status=\"413\"} 1.0"),
                metrics);
            assertEquals(200, post("/api/ingest", "application/x-ndjson", null, "{\"message\":\"still fine\"}\n")
                .statusCode());
        }
        List<String> stored = TestServers.stored(dataDir, JournalQueue.JOURNAL).stream()
            .map(e -> e.fieldAsString(io.sluice.core.Field.MESSAGE)).toList();
        assertEquals(List.of("good one", "good two", "bulk ok", "still fine"), stored);
    }

    private HttpResponse<String> post(String path, String type, String encoding, String body) throws Exception {
        return send("POST", path, TOKEN, type, encoding, body);
    }

    private HttpResponse<String> send(String method, String path, String token, String type, String encoding,
                                      String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        if (type != null) {
            b.header("content-type", type);
        }
        if (encoding != null) {
            b.header("content-encoding", encoding);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Status as expected; for errors, a JSON (or, for OTLP/protobuf, a Status) body whose reason mentions {@code reasonPart} (when given). */
    private static void expect(int status, HttpResponse<String> response, String reasonPart) throws Exception {
        assertEquals(status, response.statusCode(), response.uri() + " -> " + response.body());
        if (status >= 400) {
            boolean protobuf = response.headers().firstValue("content-type").orElse("").contains("protobuf");
            // OTLP answers a protobuf request's errors with a google.rpc.Status: its message is a plain string field
            String reason = protobuf ? response.body() : reasonOf(JSON.readTree(response.body()));
            assertFalse(reason.isBlank(), "no reason in " + response.body());
            if (reasonPart != null) {
                assertTrue(reason.toLowerCase().contains(reasonPart.toLowerCase()), reason);
            }
        }
    }

    /** Sluice's {"error": "..."}, Elasticsearch's {"error": {"reason": ...}}, OTLP's Status {"message": ...}. */
    private static String reasonOf(JsonNode body) {
        JsonNode error = body.get("error");
        if (error != null && error.isTextual()) {
            return error.asText();
        }
        if (error != null && error.has("reason")) {
            return error.get("reason").asText();
        }
        return body.path("message").asText("");
    }

}
