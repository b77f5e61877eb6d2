package io.sluice.server.security;

import static io.sluice.server.security.TestAnomalies.awaitStored;
import static io.sluice.server.security.TestAnomalies.bruteForce;
import static io.sluice.server.security.TestAnomalies.updated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.analyzers.security.Anomaly;
import io.sluice.server.cli.ReplayCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice replay --queue anomalies} prints every stored version, oldest first, one JSON object a line. */
class AnomalyReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void shouldPrintEveryStoredAnomalyVersionAsAJsonLine() throws Exception {
        Anomaly first = bruteForce(1, "203.0.113.9", 10);
        try (AnomalyStore store = AnomalyStore.open(dataDir)) {
            store.onAnomaly(first);
            store.onAnomaly(bruteForce(2, "198.51.100.7", 20));
            store.onAnomaly(updated(first, 30, false));
            awaitStored(store, 3);
        }

        List<JsonNode> lines = replay("--data-dir", dataDir.toString(), "--queue", "anomalies");

        assertEquals(3, lines.size());
        assertEquals(List.of(1L, 2L, 3L), lines.stream().map(l -> l.path("version").asLong()).toList());
        assertEquals(List.of(1L, 2L, 1L), lines.stream().map(l -> l.path("id").asLong()).toList());
        assertEquals("open", lines.get(0).path("state").asText());
        assertEquals("closed", lines.get(2).path("state").asText());
        assertEquals("203.0.113.9", lines.get(2).path("subject").asText());
        assertTrue(lines.get(0).has("recordedAt"));
        assertEquals(1, replay("--data-dir", dataDir.toString(), "--queue", "anomalies", "--limit", "1").size());
    }

    @Test
    void shouldFailWithAReasonWhenThereIsNoAnomalyQueue() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine command = new CommandLine(new ReplayCommand());
        command.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = command.execute("--data-dir", dataDir.toString(), "--queue", "anomalies");
        assertTrue(exit != 0);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no anomalies in"), err.toString());
    }

    private static List<JsonNode> replay(String... args) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new ReplayCommand()).execute(args);
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
