package io.sluice.server.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.SluiceServer;
import io.sluice.server.config.ConfigLoader;
import io.sluice.server.config.SluiceConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/rules/reload} re-reads the rules from the config file the server started with: a broken file is
 * refused with a 400 naming the problem and the running rules stay; a good one replaces them.
 */
class RulesReloadIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldRefuseABrokenRuleFileKeepTheOldRulesAndTakeAGoodOne() throws Exception {
        Path file = dir.resolve("sluice.yaml");
        write(file, "error_rate(service=*, window=5m) > 0.01", "FirstRule");
        SluiceConfig config = ConfigLoader.load(file).withDataDir(dir.resolve("data")).withBind("127.0.0.1")
            .withSyslogTcpPort(0).withSyslogUdpPort(0).withHttpPort(0);
        try (SluiceServer server = SluiceServer.start(config, file)) {
            int port = server.port("http");
            assertEquals("FirstRule", rules(port).get(0).get("name").asText());

            write(file, "error_rate(service=*, window=7m) > 0.01", "BrokenRule");
            HttpResponse<String> refused = reload(port);
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(JSON.readTree(refused.body()).get("error").asText().contains("BrokenRule"), refused.body());
            assertEquals("FirstRule", rules(port).get(0).get("name").asText(), "the running rules stay");

            write(file, "latency_p95(service=*, window=5m) > 250ms", "SecondRule");
            HttpResponse<String> accepted = reload(port);
            assertEquals(200, accepted.statusCode(), accepted.body());
            JsonNode rules = rules(port);
            assertEquals(1, rules.size());
            assertEquals("SecondRule", rules.get(0).get("name").asText());
            assertEquals("latency_p95(service=*, window=5m) > 250ms", rules.get(0).get("expr").asText());
        }
    }

    private static void write(Path file, String expr, String name) throws Exception {
        Files.writeString(file, """
            alerts:
              rules:
                - name: %s
                  expr: %s
                  for: 1m
                  severity: P2
            """.formatted(name, expr));
    }

    private static JsonNode rules(int port) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/rules")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).get("rules");
    }

    private static HttpResponse<String> reload(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/rules/reload"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
