package io.sluice.server.security;

import static io.sluice.server.security.TestAnomalies.awaitStored;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.analyzers.security.Anomaly;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.core.TestEvents;
import io.sluice.storage.Journal;
import io.sluice.storage.JournalHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/anomalies/{id}} fetches the evidence events from a real journal. */
class AnomalyEvidenceTest {
    @TempDir
    Path dataDir;

    private AnomalyServer server;
    private AnomalyStore store;

    @BeforeEach
    void start() throws Exception {
        server = new AnomalyServer(dataDir);
        store = server.store;
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void shouldReturnTheAnomalyWithItsEvidenceEventsFromTheJournal() throws Exception {
        journal(10);
        Anomaly a = withEvidence(List.of(3L, 7L, 42L));

        JsonNode body = get("/api/anomalies/" + a.id(), 200);

        assertEquals(a.id(), body.path("id").asLong());
        assertEquals("brute_force", body.path("detector").asText());
        JsonNode events = body.path("evidenceEvents");
        assertEquals(2, events.size());
        assertEquals(3, events.get(0).path("seq").asLong());
        assertEquals("Failed password for root from 203.0.113.9 port 3 ssh2", events.get(0).path("message").asText());
        assertEquals(7, events.get(1).path("seq").asLong());
        assertEquals("tcp", events.get(1).path("transport").asText());
        assertEquals(List.of(42), AnomalyServer.JSON.convertValue(body.path("evidenceMissing"), List.class),
            "a sequence past the journal's end is reported, not invented");
    }

    @Test
    void shouldReportEveryEvidenceEventMissingWhileNothingIsJournaled() throws Exception {
        Anomaly a = withEvidence(List.of(1L, 2L));

        JsonNode body = get("/api/anomalies/" + a.id(), 200);

        assertEquals(0, body.path("evidenceEvents").size());
        assertEquals(2, body.path("evidenceMissing").size());
    }

    @Test
    void shouldAnswer404ForAnUnknownIdAnd400ForANonNumber() throws Exception {
        assertEquals("no anomaly 12345", get("/api/anomalies/12345", 404).path("error").asText());
        assertEquals("anomaly id 'abc' is not a number", get("/api/anomalies/abc", 400).path("error").asText());
    }

    private Anomaly withEvidence(List<Long> evidence) {
        Anomaly a = new Anomaly(store.nextId().getAsLong(), "brute_force", "P2", "ip", "203.0.113.9",
            TestAnomalies.T0, TestAnomalies.T0, evidence.size(), evidence, List.of(), Map.of(), true);
        long version = store.lastVersion() + 1;
        store.onAnomaly(a);
        awaitStored(store, version);
        return a;
    }

    /** Appends events with sequences 0 .. count-1 as the pipeline's journal stage would. */
    private void journal(int count) {
        List<LogEvent> events = new ArrayList<>();
        for (int seq = 0; seq < count; seq++) {
            String line = "Failed password for root from 203.0.113.9 port " + seq + " ssh2";
            LogEvent event = TestEvents.raw(line);
            event.setSequence(seq);
            event.setSpan(Field.MESSAGE, 0, line.length());
            events.add(event);
        }
        try (Journal journal = Journal.open(dataDir)) {
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            for (int i = 0; i < count; i++) {
                handler.onEvent(events.get(i), i, i == count - 1 || i % 4 == 3);
            }
            handler.onShutdown();
        }
    }

    private JsonNode get(String path, int status) throws Exception {
        return server.get(path, status);
    }
}
