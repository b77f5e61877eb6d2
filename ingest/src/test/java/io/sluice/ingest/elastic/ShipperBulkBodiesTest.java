package io.sluice.ingest.elastic;

import static io.sluice.ingest.http.HttpTestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bulk bodies of real shippers (see {@code src/test/resources/elastic/SOURCES.md}), answered and stored. */
class ShipperBulkBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticBulkProtocol protocol = new ElasticBulkProtocol();

    @Test
    void shouldAcceptFluentBitCreateActionsWithTypeAndItsLogKey() throws Exception {
        BulkResult result = decode("fluent-bit-bulk.ndjson", "application/x-ndjson");
        assertAllCreated(result, "create", "fluent-bit", 2);

        LogEvent tail = result.events().get(0);
        assertEquals(nanos("2024-05-14T09:12:01.372Z"), tail.timestampNanos());
        assertEquals("May 14 09:12:01 web-1 sshd[2211]: Accepted publickey for deploy from 10.0.4.7 port 51234 ssh2",
            tail.fieldAsString(Field.MESSAGE));
        assertEquals("fluent-bit", attributes(tail).get("_index").asText());

        LogEvent container = result.events().get(1);
        assertEquals("level=error msg=\"upstream timed out\" upstream=10.0.9.2:8080",
            container.fieldAsString(Field.MESSAGE));
        JsonNode kept = attributes(container);
        assertEquals(List.of("stream", "_p", "kubernetes", "_index", "_id"), fieldNames(kept));
        assertEquals("node-3", kept.get("kubernetes").get("host").asText());
        assertNull(container.fieldAsString(Field.HOSTNAME), "kubernetes.host is not the ECS host.name");
    }

    @Test
    void shouldAcceptVectorIndexActionsWithSortedKeysAndTimestampKey() throws Exception {
        BulkResult result = decode("vector-bulk.ndjson", "application/x-ndjson");
        assertAllCreated(result, "index", "vector-2024.05.14", 2);

        LogEvent file = result.events().get(0);
        assertEquals(nanos("2024-05-14T09:12:01.372841512Z"), file.timestampNanos());
        assertEquals("web-2", file.fieldAsString(Field.HOSTNAME));
        assertEquals("GET /health 200 3ms", file.fieldAsString(Field.MESSAGE));
        assertEquals(List.of("file", "source_type", "_index", "_id"), fieldNames(attributes(file)));

        LogEvent parsed = result.events().get(1);
        assertEquals(Severity.WARNING.code(), parsed.severity());
        assertEquals(1840, attributes(parsed).get("query_ms").asInt());
    }

    @Test
    void shouldAcceptFilebeatEcsDocuments() throws Exception {
        BulkResult result = decode("filebeat-bulk.ndjson", "application/json");
        assertAllCreated(result, "create", "filebeat-8.11.0", 1);

        LogEvent e = result.events().get(0);
        assertEquals(nanos("2024-05-14T09:12:01.372Z"), e.timestampNanos());
        assertEquals("web-3", e.fieldAsString(Field.HOSTNAME), "from host.name");
        assertEquals("10.0.4.7 - - [14/May/2024:09:12:01 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/8.5.0\"",
            e.fieldAsString(Field.MESSAGE));
        JsonNode kept = attributes(e);
        assertEquals(List.of("log", "input", "ecs", "host", "agent", "_index", "_id"), fieldNames(kept));
        assertEquals("/var/log/nginx/access.log", kept.get("log").get("file").get("path").asText());
    }

    @Test
    void shouldAcceptLogstashDataStreamDocuments() throws Exception {
        BulkResult result = decode("logstash-bulk.ndjson", "application/json");
        assertAllCreated(result, "create", "logs-generic-default", 1);

        LogEvent e = result.events().get(0);
        assertEquals("web-4", e.fieldAsString(Field.HOSTNAME));
        assertEquals("user=alice action=login result=failure", e.fieldAsString(Field.MESSAGE));
        assertEquals("1", attributes(e).get("@version").asText());
    }

    /** Every item stored with 201, the answer says so item by item, and each event keeps its index and id. */
    private static void assertAllCreated(BulkResult result, String action, String index, int count) throws Exception {
        assertFalse(result.errors());
        assertEquals(count, result.items().size());
        assertEquals(count, result.events().size());
        JsonNode answer = JSON.readTree(result.responseBody().getBytes());
        assertFalse(answer.get("errors").asBoolean());
        assertEquals(count, answer.get("items").size());
        for (int i = 0; i < count; i++) {
            JsonNode item = answer.get("items").get(i).get(action);
            assertNotNull(item, answer.toString());
            assertEquals(201, item.get("status").asInt());
            assertEquals(index, item.get("_index").asText());
            assertEquals(item.get("_id").asText(), attributes(result.events().get(i)).get("_id").asText());
        }
    }

    private BulkResult decode(String resource, String contentType) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/elastic/" + resource)) {
            assertNotNull(in, resource);
            return protocol.decode(request(contentType, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static JsonNode attributes(LogEvent event) throws IOException {
        return JSON.readTree(event.fieldAsString(Field.ATTRIBUTES));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
