package io.sluice.ingest.otlp;

import static io.sluice.ingest.otlp.OtlpTestRequests.assertAttributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventHandler;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.sluice.core.EpochClock;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.core.pipeline.PipelineSettings;
import io.sluice.ingest.SourceMetrics;
import io.sluice.ingest.http.BodyBudget;
import io.sluice.ingest.http.DurableAcks;
import io.sluice.ingest.http.HttpIngestHandler;
import io.sluice.ingest.http.HttpIngestMetrics;
import io.sluice.ingest.http.HttpIngestSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol behind the real HTTP source ({@link HttpIngestHandler}), a real ring and a real HTTP client: records
 * reach the consumer stage before the answer, which comes in the request's encoding.
 */
class OtlpHttpIngestTest {
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<LogEvent> stored = Collections.synchronizedList(new ArrayList<>());
    private EventPipeline pipeline;
    private HttpServer server;
    private int port;

    @BeforeEach
    void start() {
        EventHandler<LogEvent> journal = (event, sequence, endOfBatch) -> {
            LogEvent copy = new LogEvent();
            copy.copyFrom(event);
            stored.add(copy);
        };
        pipeline = EventPipeline.builder(PipelineSettings.defaults().withRingSize(64)).stage("journal", journal).start();
        DurableAcks acks = new DurableAcks(vertx, pipeline.progressOf("journal")::get);
        HttpIngestSettings settings = new HttpIngestSettings(1 << 20, 1 << 20, 4096, Duration.ofMillis(250), 1);
        HttpIngestHandler handler = new HttpIngestHandler(vertx, new OtlpLogsProtocol(), settings, pipeline.ring(),
            acks, new SourceMetrics(Transport.HTTP), new HttpIngestMetrics("otlp"), new EpochClock(),
            new BodyBudget(settings.maxInflightBodyBytes()));
        server = vertx.createHttpServer().requestHandler(request -> handler.handle(request, null))
            .listen(0, "127.0.0.1").await();
        port = server.actualPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close().await();
        }
        if (pipeline != null) {
            pipeline.drainAndStop(Duration.ofSeconds(10));
        }
        vertx.close().await();
    }

    @Test
    void shouldStoreProtobufRecordsBeforeAnsweringWithAnEmptyProtobufResponse() throws Exception {
        HttpResponse<byte[]> response = post("application/x-protobuf; charset=binary",
            OtlpTestRequests.richRequest().toByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/x-protobuf", response.headers().firstValue("content-type").orElse(""));
        assertFalse(ExportLogsServiceResponse.parseFrom(response.body()).hasPartialSuccess());
        assertEquals(5, stored.size(), "stored before the answer");
        LogEvent first = stored.get(0);
        assertEquals("payment failed", first.fieldAsString(Field.MESSAGE));
        assertEquals("web01", first.fieldAsString(Field.HOSTNAME));
        assertTrue(new String(first.peer(), 0, first.peerLength(), StandardCharsets.US_ASCII).startsWith("127.0.0.1:"));
        assertEquals("checkout", first.fieldAsString(Field.APP_NAME));
    }

    @Test
    void shouldAnswerJsonInJsonWithPartialSuccessForAnOversizedRecord() throws Exception {
        String body = """
            {"resourceLogs":[{"scopeLogs":[{"logRecords":[
              {"body":{"stringValue":"fits"},"attributes":[{"key":"k","value":{"intValue":"1"}}]},
              {"body":{"stringValue":"%s"}}]}]}]}""".formatted("y".repeat(5000));
        HttpResponse<byte[]> response = post("application/json", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
        String answer = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals("1", OtlpTestRequests.tree(answer).get("partialSuccess").get("rejectedLogRecords").textValue(),
            answer);
        assertEquals(1, stored.size());
        assertEquals("fits", stored.get(0).fieldAsString(Field.MESSAGE));
        assertAttributes("{\"attributes\":{\"k\":1}}", stored.get(0));
    }

    @Test
    void shouldRefuseOtherContentTypesAndUnreadableBodies() throws Exception {
        assertEquals(415, post("text/plain", "hello".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, post("application/json", "{\"resourceLogs\":".getBytes(StandardCharsets.UTF_8))
            .statusCode());
        assertEquals(400, post("application/x-protobuf", new byte[] {0x0a, 0x05, 0x01}).statusCode());
        assertEquals(0, stored.size());
    }

    private HttpResponse<byte[]> post(String type, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + OtlpLogsProtocol.PATH))
            .header("content-type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }
}
