package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.support.SluiceProcess;
import io.sluice.server.support.SyslogSender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as a user runs it: start, send, SIGTERM (exit 0), start again on the same data dir, send more, SIGTERM,
 * then {@code sluice replay} shows every event once with strictly increasing, never reused sequence numbers.
 */
class RestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_RUN = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void shouldContinueSequenceAcrossRestartsAndReplayEverything() throws Exception {
        runOnce(0);
        runOnce(1);

        List<String> lines = SluiceProcess.runToCompletion("replay", "--data-dir", dataDir.toString());
        assertEquals(2 * PER_RUN, lines.size());
        long lastSeq = -1;
        Set<String> messages = new HashSet<>();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            long seq = event.get("seq").asLong();
            assertTrue(seq > lastSeq, "sequence " + seq + " after " + lastSeq);
            lastSeq = seq;
            assertTrue(messages.add(event.get("message").asText()), "duplicate " + line);
            assertEquals("tcp", event.get("transport").asText());
            assertEquals("rfc5424", event.get("format").asText());
            assertEquals("restart-test", event.get("appName").asText());
            assertEquals(3, event.get("facility").asInt());
            assertEquals(6, event.get("severity").asInt());
            assertTrue(event.get("peer").asText().startsWith("127.0.0.1:"));
        }

        List<String> limited = SluiceProcess.runToCompletion("replay", "--data-dir", dataDir.toString(),
            "--limit", "5");
        assertEquals(5, limited.size());
        assertEquals(lines.subList(0, 5), limited);
    }

    private void runOnce(int run) throws Exception {
        try (SluiceProcess sluice = SluiceProcess.run(dataDir)) {
            int port = sluice.port("syslog-tcp");
            int httpPort = sluice.port("http");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("UP", JSON.readTree(health.body()).get("status").asText());

            try (SyslogSender sender = new SyslogSender(port, run == 1)) {
                for (int i = 0; i < PER_RUN; i++) {
                    sender.send("<30>1 2026-11-23T10:00:00Z host restart-test - - - run " + run + " message " + i);
                }
            }
            waitForStored(http, httpPort, (long) PER_RUN);
            assertEquals(0, sluice.terminate(), "exit code after SIGTERM; output: " + sluice.output());
            List<String> output = sluice.output();
            assertTrue(output.stream().anyMatch(l -> l.startsWith("listening syslog-tcp=127.0.0.1:")), output::toString);
        }
    }

    /** Polls /api/stats until this run stored {@code expected} events (deadline 30 s). */
    private static void waitForStored(HttpClient http, int httpPort, long expected) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<Long> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/api/stats")).build(), HttpResponse.BodyHandlers.ofString());
            long stored = JSON.readTree(stats.body()).get("totals").get("stored").asLong();
            seen.add(stored);
            if (stored >= expected) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("stored count never reached " + expected + ": " + seen.subList(Math.max(0,
            seen.size() - 5), seen.size()));
    }
}
