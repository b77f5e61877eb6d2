package io.sluice.server.alerts;

import static io.sluice.server.alerts.TestAlerts.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.alerts.AlertState;
import io.sluice.server.cli.ReplayCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every state change lands in {@code <dataDir>/alerts} and comes back through {@code sluice replay --queue alerts}. */
class AlertHistoryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void shouldReplayEveryStateChangeAsOneJsonLine() throws Exception {
        try (AlertNotifications notifications = AlertNotifications.open(dataDir, NotifierSettings.defaults())) {
            notifications.onAlert(TestAlerts.alert("HighErrorRate", "checkout", AlertState.PENDING, null), true);
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), true);
            notifications.onAlert(TestAlerts.firing("HighErrorRate", "checkout"), false); // re-send: no change
            notifications.onAlert(TestAlerts.resolved("HighErrorRate", "checkout"), true);
            await(() -> notifications.metrics().historyRecords() == 3, Duration.ofSeconds(10), () -> "3 records");
        }

        List<JsonNode> lines = replay("--data-dir", dataDir.toString(), "--queue", "alerts");
        assertEquals(List.of("pending", "firing", "resolved"), lines.stream().map(l -> l.path("state").asText())
            .toList());
        JsonNode firing = lines.get(1);
        assertEquals("HighErrorRate", firing.path("rule").asText());
        assertEquals("HighErrorRate-checkout", firing.path("fingerprint").asText());
        assertEquals("P1", firing.path("severity").asText());
        assertEquals(0.07, firing.path("value").asDouble());
        assertEquals("checkout", firing.path("labels").path("service").asText());
        assertEquals("Error rate above 5%", firing.path("annotations").path("summary").asText());
        assertEquals(TestAlerts.FIRED_AT.toString(), firing.path("firedAt").asText());
        assertEquals(TestAlerts.ACTIVE_SINCE.toString(), firing.path("activeSince").asText());
        assertEquals(false, firing.has("resolvedAt"));
        assertEquals(true, lines.get(2).has("resolvedAt"));
        assertEquals(1, replay("--data-dir", dataDir.toString(), "--queue", "alerts", "--limit", "1").size());
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
