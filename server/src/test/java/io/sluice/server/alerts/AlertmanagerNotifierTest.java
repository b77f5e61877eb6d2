package io.sluice.server.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertState;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerNotifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AlertmanagerNotifier notifier = new AlertmanagerNotifier(URI.create("http://am:9093/prefix"),
        URI.create("http://sluice:8080/"));

    @Test
    void shouldPostToTheV2AlertsEndpoint() {
        assertEquals(URI.create("http://am:9093/prefix/api/v2/alerts"), notifier.endpoint());
    }

    @Test
    void shouldSendFiringWithoutEndsAtAndResolvedWithIt() throws Exception {
        JsonNode body = JSON.readTree(notifier.body(List.of(
            new AlertRecord(1, true, TestAlerts.firing("R", "a")),
            new AlertRecord(2, true, TestAlerts.resolved("R", "b")))));
        assertEquals(2, body.size());
        assertFalse(body.get(0).has("endsAt"));
        assertEquals(TestAlerts.FIRED_AT.toString(), body.get(0).path("startsAt").asText());
        assertEquals("http://sluice:8080/api/alerts?rule=R", body.get(0).path("generatorURL").asText());
        assertEquals("b", body.get(1).path("labels").path("service").asText());
        assertEquals(true, body.get(1).has("endsAt"));
    }

    @Test
    void shouldSendOnlyTheNewestRecordOfEachAlertInABatch() throws Exception {
        JsonNode body = JSON.readTree(notifier.body(List.of(
            new AlertRecord(1, true, TestAlerts.firing("R", "a")),
            new AlertRecord(2, false, TestAlerts.firing("R", "a")),
            new AlertRecord(3, true, TestAlerts.resolved("R", "a")))));
        assertEquals(1, body.size());
        assertEquals(true, body.get(0).has("endsAt"));
    }

    @Test
    void shouldMakeLabelNamesValidAndLeaveOutEmptyValues() throws Exception {
        Alert alert = new Alert("R", "fp", AlertState.FIRING, "P2", Map.of("http.status", "502", "9lives", "x",
            "empty", ""), Map.of(), 1, null, null, null);
        JsonNode labels = JSON.readTree(notifier.body(List.of(new AlertRecord(1, true, alert)))).get(0)
            .path("labels");
        assertEquals("502", labels.path("http_status").asText());
        assertEquals("x", labels.path("_lives").asText());
        assertEquals("R", labels.path("alertname").asText());
        assertFalse(labels.has("empty"));
    }

    @Test
    void shouldAcceptFiringAndResolvedButNotPending() {
        assertEquals(true, notifier.accepts(new AlertRecord(1, false, TestAlerts.firing("R", "a"))));
        assertFalse(notifier.accepts(new AlertRecord(1, true, TestAlerts.alert("R", "a", AlertState.PENDING,
            null))));
    }
}
