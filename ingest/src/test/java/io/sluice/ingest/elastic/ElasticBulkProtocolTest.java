package io.sluice.ingest.elastic;

import static io.sluice.ingest.http.HttpTestRequests.MAX_LINE_BYTES;
import static io.sluice.ingest.http.HttpTestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.core.Transport;
import io.sluice.ingest.http.IngestRejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ElasticBulkProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";

    private final ElasticBulkProtocol protocol =
        new ElasticBulkProtocol(new BulkIdGenerator(new Random(7), () -> 1_700_000_000_000L));

    @Test
    void shouldStoreIndexAndCreateDocumentsWithTheirIndexAndId() {
        BulkResult result = protocol.decode(request(NDJSON, """
            {"index":{"_index":"app-logs","_id":"a1","pipeline":"ignored","routing":"r"}}
            {"message":"first","level":"info"}
            {"create":{"_index":"audit"}}
            {"message":"second","user":"bob"}
            """));
        assertFalse(result.errors());
        List<BulkItem> items = result.items();
        assertEquals(BulkItem.created(BulkAction.INDEX, "app-logs", "a1", 0), items.get(0));
        String generated = items.get(1).id();
        assertEquals(BulkItem.created(BulkAction.CREATE, "audit", generated, 1), items.get(1));
        assertEquals(20, generated.length());

        List<LogEvent> events = result.events();
        assertEquals(2, events.size());
        assertEquals("first", events.get(0).fieldAsString(Field.MESSAGE));
        assertEquals(Severity.INFORMATIONAL.code(), events.get(0).severity());
        assertEquals("{\"_index\":\"app-logs\",\"_id\":\"a1\"}", events.get(0).fieldAsString(Field.ATTRIBUTES));
        assertEquals("{\"user\":\"bob\",\"_index\":\"audit\",\"_id\":\"" + generated + "\"}",
            events.get(1).fieldAsString(Field.ATTRIBUTES));
        assertEquals(Format.JSON, events.get(1).format());
        assertEquals(Transport.HTTP, events.get(1).transport());
    }

    @Test
    void shouldRefuseDeleteAndUpdatePerItemAndSkipTheirSourceLines() {
        BulkResult result = protocol.decode(request(NDJSON, """
            {"index":{"_index":"orders","_id":"1"}}
            {"sku":"A-1"}
            {"delete":{"_index":"orders","_id":"2"}}
            {"create":{"_index":"orders","_id":"3"}}
            {"sku":"C-3"}
            {"update":{"_id":"1","_index":"orders"}}
            {"doc":{"sku":"A-2"}}
            {"index":{"_index":"orders"}}
            {"message":"after the update"}
            {"delete":{"_index":"orders","_id":"4"}}
            """));
        assertTrue(result.errors());
        assertEquals(List.of("index 201", "delete 400", "create 201", "update 400", "index 201", "delete 400"),
            result.items().stream().map(i -> i.action().label() + " " + i.status()).toList());
        BulkItem delete = result.items().get(1);
        assertEquals("illegal_argument_exception", delete.errorType());
        assertEquals("Sluice accepts only index and create", delete.errorReason());
        assertEquals("2", delete.id());
        assertEquals("1", result.items().get(3).id());

        List<String> attributes = new ArrayList<>();
        result.events().forEach(e -> attributes.add(e.fieldAsString(Field.ATTRIBUTES)));
        assertEquals("{\"sku\":\"A-1\",\"_index\":\"orders\",\"_id\":\"1\"}", attributes.get(0));
        assertEquals("{\"sku\":\"C-3\",\"_index\":\"orders\",\"_id\":\"3\"}", attributes.get(1));
        assertEquals(3, result.events().size(), "the update's {\"doc\":...} line is skipped, not stored");
        assertEquals("after the update", result.events().get(2).fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldUseThePathIndexWhenTheActionNamesNone() {
        BulkResult result = protocol.decode(request(NDJSON, "from-path", """
            {"index":{}}
            {"msg":"a"}
            {"index":{"_index":"explicit"}}
            {"msg":"b"}
            """, MAX_LINE_BYTES));
        assertEquals(List.of("from-path", "explicit"), result.items().stream().map(BulkItem::index).toList());
        assertTrue(result.events().get(0).fieldAsString(Field.ATTRIBUTES).startsWith("{\"_index\":\"from-path\""));
    }

    @Test
    void shouldRefuseAnItemWithoutAnyIndex() {
        BulkResult result = protocol.decode(request(NDJSON, "{\"create\":{}}\n{\"msg\":\"a\"}\n"));
        BulkItem item = result.items().get(0);
        assertEquals(400, item.status());
        assertEquals("action_request_validation_exception", item.errorType());
        assertEquals("Validation Failed: 1: index is missing;", item.errorReason());
        assertTrue(result.events().isEmpty());
    }

    @Test
    void shouldRefuseBadDocumentsPerItemAndStoreTheRest() {
        BulkResult result = protocol.decode(request(NDJSON, """
            {"index":{"_index":"x"}}
            {"msg": oops
            {"index":{"_index":"x"}}
            [1,2]
            {"create":{"_index":"x"}}
            {"_id":"inside","msg":"y"}
            {"index":{"_index":"x"}}
            {"msg":"good"}
            """));
        assertTrue(result.errors());
        assertEquals(3, result.rejected());
        List<BulkItem> items = result.items();
        assertEquals(List.of(400, 400, 400, 201), items.stream().map(BulkItem::status).toList());
        assertEquals("mapper_parsing_exception", items.get(0).errorType());
        assertTrue(items.get(0).errorReason().startsWith("failed to parse document on line 2: invalid JSON"),
            items.get(0).errorReason());
        assertEquals("failed to parse document on line 4: not a JSON object but array", items.get(1).errorReason());
        assertTrue(items.get(2).errorReason().startsWith("Field [_id] is a metadata field"),
            items.get(2).errorReason());
        assertEquals(20, items.get(0).id().length(), "a refused item still names its generated id");
        assertEquals(List.of("good"), result.events().stream().map(e -> e.fieldAsString(Field.MESSAGE)).toList());
        assertEquals(0, items.get(3).seqNo(), "only stored documents take a _seq_no");
    }

    @Test
    void shouldRefuseAnOversizedDocumentPerItem() {
        BulkResult result = protocol.decode(request(NDJSON, null,
            "{\"index\":{\"_index\":\"x\"}}\n{\"msg\":\"" + "z".repeat(80) + "\"}\n"
                + "{\"index\":{\"_index\":\"x\"}}\n{}\n",
            60));
        assertEquals("illegal_argument_exception", result.items().get(0).errorType());
        assertEquals("document on line 2 is 90 bytes, longer than the limit of 60",
            result.items().get(0).errorReason());
        assertEquals(201, result.items().get(1).status());
        assertNull(result.events().get(0).fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldMapDocumentFieldsLikeAnNdjsonLine() {
        LogEvent e = protocol.decode(request(NDJSON, """
            {"create":{"_index":"logs"}}
            {"@timestamp":"2023-11-14T22:13:20+01:00","severity":2,"hostname":"h1","app":"a1","msg":"m1","k":[1]}
            """)).events().get(0);
        assertEquals(1_700_000_000_000_000_000L - 3_600_000_000_000L, e.timestampNanos());
        assertEquals(3600, e.timestampOffsetSeconds());
        assertEquals(Severity.CRITICAL.code(), e.severity());
        assertEquals("h1", e.fieldAsString(Field.HOSTNAME));
        assertEquals("a1", e.fieldAsString(Field.APP_NAME));
        assertEquals("m1", e.fieldAsString(Field.MESSAGE));
        assertTrue(e.fieldAsString(Field.ATTRIBUTES).startsWith("{\"k\":[1],\"_index\":\"logs\",\"_id\":\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "{\"index\":{},\"create\":{}}",
        "{\"upsert\":{\"_index\":\"x\"}}",
        "{\"index\":\"x\"}",
        "[{\"index\":{}}]"})
    void shouldRefuseTheWholeBodyWhenAnActionLineCannotBeRead(String actionLine) {
        IngestRejection rejection = assertThrows(IngestRejection.class, () -> protocol.decode(request(NDJSON,
            "{\"index\":{\"_index\":\"x\"}}\n{\"msg\":\"a\"}\n" + actionLine + "\n{\"msg\":\"b\"}\n")));
        assertEquals(400, rejection.status());
        assertTrue(rejection.getMessage().startsWith("Malformed action/metadata line [3], "), rejection.getMessage());
    }

    @Test
    void shouldRefuseTheWholeBodyInTheErrorShapeOfElasticsearch() throws Exception {
        IngestRejection rejection = assertThrows(IngestRejection.class,
            () -> protocol.decode(request(NDJSON, "{\"index\":{\"_index\":\"x\"}}\n{}\n{\"patch\":{}}\n")));
        assertEquals("application/json", rejection.contentType());
        String reason = "Malformed action/metadata line [3], expected field [create], [delete], [index] or [update]"
            + " but found [patch]";
        assertEquals("{\"error\":{\"root_cause\":[{\"type\":\"illegal_argument_exception\",\"reason\":\"" + reason
            + "\"}],\"type\":\"illegal_argument_exception\",\"reason\":\"" + reason + "\"},\"status\":400}",
            rejection.body().toString());
    }

    @Test
    void shouldRefuseTheWholeBodyWhenAnActionHasNoSource() {
        IngestRejection rejection = assertThrows(IngestRejection.class, () -> protocol.decode(request(NDJSON,
            "{\"index\":{\"_index\":\"x\"}}\n{\"msg\":\"a\"}\n{\"create\":{\"_index\":\"x\"}}\n\n")));
        assertEquals(400, rejection.status());
        assertTrue(rejection.getMessage().contains("the [create] action on line 3 has no source document"),
            rejection.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n  \n"})
    void shouldRefuseABodyWithoutActions(String body) {
        IngestRejection rejection = assertThrows(IngestRejection.class, () -> protocol.decode(request(NDJSON, body)));
        assertEquals(400, rejection.status());
        assertEquals("Validation Failed: 1: no requests added;", rejection.getMessage());
    }

    @Test
    void shouldSkipBlankLinesAroundActionsAndSources() {
        BulkResult result = protocol.decode(request(NDJSON,
            "\n{\"index\":{\"_index\":\"x\"}}\r\n\r\n{\"msg\":\"a\"}\r\n\n"
                + "{\"delete\":{\"_index\":\"x\",\"_id\":\"9\"}}"));
        assertEquals(List.of(201, 400), result.items().stream().map(BulkItem::status).toList());
        assertEquals("a", result.events().get(0).fieldAsString(Field.MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-ndjson", "application/json", "application/vnd.elasticsearch+x-ndjson",
        "application/vnd.elasticsearch+json"})
    void shouldAcceptTheContentTypesElasticsearchClientsSend(String contentType) {
        assertEquals(1, protocol.decode(request(contentType, "{\"index\":{\"_index\":\"x\"}}\n{}")).events().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", ""})
    void shouldRefuseOtherContentTypesWith415(String contentType) throws Exception {
        IngestRejection rejection = assertThrows(IngestRejection.class,
            () -> protocol.decode(request(contentType, "{\"index\":{\"_index\":\"x\"}}\n{}")));
        assertEquals(415, rejection.status());
        assertTrue(rejection.getMessage().contains("application/x-ndjson"), rejection.getMessage());
        assertEquals(415, JSON.readTree(rejection.body().getBytes()).get("status").asInt());
    }

    @Test
    void shouldAnswerItemsInTheShapeOfElasticsearch8() throws Exception {
        BulkResult result = protocol.decode(request(NDJSON, """
            {"create":{"_index":"logs","_id":"c1"}}
            {"msg":"a"}
            {"update":{"_index":"logs","_id":"u1"}}
            {"doc":{}}
            """));
        JsonNode answer = JSON.readTree(result.responseBody().getBytes());
        assertEquals(List.of("took", "errors", "items"), fieldNames(answer));
        assertTrue(answer.get("took").isIntegralNumber() && answer.get("took").asLong() >= 0);
        assertTrue(answer.get("errors").asBoolean());
        assertEquals(2, answer.get("items").size());

        JsonNode created = answer.get("items").get(0).get("create");
        assertEquals(List.of("_index", "_id", "_version", "result", "_shards", "_seq_no", "_primary_term", "status"),
            fieldNames(created));
        assertEquals("logs", created.get("_index").asText());
        assertEquals("c1", created.get("_id").asText());
        assertEquals(1, created.get("_version").asInt());
        assertEquals("created", created.get("result").asText());
        assertEquals("{\"total\":1,\"successful\":1,\"failed\":0}", created.get("_shards").toString());
        assertEquals(0, created.get("_seq_no").asLong());
        assertEquals(1, created.get("_primary_term").asInt());
        assertEquals(201, created.get("status").asInt());

        JsonNode refused = answer.get("items").get(1).get("update");
        assertEquals(List.of("_index", "_id", "status", "error"), fieldNames(refused));
        assertEquals(400, refused.get("status").asInt());
        assertEquals("{\"type\":\"illegal_argument_exception\",\"reason\":\"Sluice accepts only index and create\"}",
            refused.get("error").toString());
    }

    @Test
    void shouldCountSeqNoAcrossRequests() {
        String body = "{\"index\":{\"_index\":\"x\"}}\n{}\n{\"index\":{\"_index\":\"x\"}}\n{}\n";
        protocol.decode(request(NDJSON, body));
        assertEquals(List.of(2L, 3L), protocol.decode(request(NDJSON, body)).items().stream()
            .map(BulkItem::seqNo).toList());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
