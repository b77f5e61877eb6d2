package io.sluice.ingest.elastic;

import static io.sluice.ingest.http.HttpTestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.ingest.http.LoopbackHttp;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a shipper reads on the wire from the handshake routes and from a bulk answer. */
class ElasticHandshakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LoopbackHttp http;

    @BeforeAll
    static void start() {
        http = new LoopbackHttp();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void shouldAnswerRootLikeAnElasticsearch8Node() throws Exception {
        LoopbackHttp.Answer answer = http.exchange(HttpMethod.GET, ElasticHandshake::respond);
        assertEquals(200, answer.status());
        assertEquals("Elasticsearch", answer.headers().get("X-Elastic-Product"));
        assertEquals("application/json", answer.headers().get("content-type"));
        JsonNode root = JSON.readTree(answer.body());
        assertEquals("sluice", root.get("name").asText());
        assertEquals("sluice", root.get("cluster_name").asText());
        assertFalse(root.get("cluster_uuid").asText().isEmpty());
        JsonNode version = root.get("version");
        assertEquals("8.11.0", version.get("number").asText());
        assertEquals("default", version.get("build_flavor").asText());
        assertEquals("9.8.0", version.get("lucene_version").asText());
        assertEquals("7.17.0", version.get("minimum_wire_compatibility_version").asText());
        assertEquals("7.0.0", version.get("minimum_index_compatibility_version").asText());
        assertEquals("You Know, for Search", root.get("tagline").asText());
    }

    @Test
    void shouldAnswerHeadWithTheProductHeaderAndNoBody() throws Exception {
        LoopbackHttp.Answer answer = http.exchange(HttpMethod.HEAD, ElasticHandshake::respondHead);
        assertEquals(200, answer.status());
        assertEquals("Elasticsearch", answer.headers().get("X-Elastic-Product"));
        assertEquals("", answer.body());
    }

    @Test
    void shouldReportAnActiveLicenseForLogstash() throws Exception {
        LoopbackHttp.Answer answer = http.exchange(HttpMethod.GET, ElasticHandshake::respondLicense);
        assertEquals(200, answer.status());
        assertEquals("Elasticsearch", answer.headers().get("X-Elastic-Product"));
        JsonNode license = JSON.readTree(answer.body()).get("license");
        assertEquals("active", license.get("status").asText());
        assertEquals("basic", license.get("type").asText());
    }

    @Test
    void shouldReportAGreenClusterForVectorsHealthCheck() throws Exception {
        LoopbackHttp.Answer answer = http.exchange(HttpMethod.GET, ElasticHandshake::respondClusterHealth);
        assertEquals(200, answer.status());
        assertEquals("green", JSON.readTree(answer.body()).get("status").asText());
    }

    @Test
    void shouldMarkTheBulkAnswerAsElasticsearch() throws Exception {
        BulkResult result = new ElasticBulkProtocol().decode(
            request("application/x-ndjson", "{\"index\":{\"_index\":\"x\",\"_id\":\"1\"}}\n{\"msg\":\"a\"}\n"));
        LoopbackHttp.Answer answer = http.exchange(HttpMethod.POST, result::respond);
        assertEquals(200, answer.status());
        assertEquals("Elasticsearch", answer.headers().get("X-Elastic-Product"));
        assertEquals("application/json", answer.headers().get("content-type"));
        JsonNode item = JSON.readTree(answer.body()).path("items").path(0).path("index");
        assertEquals(201, item.path("status").asInt(), answer.body());
        assertEquals(201, item.get("status").asInt());
        assertEquals("1", item.get("_id").asText());
    }
}
