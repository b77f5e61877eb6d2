package io.sluice.server.security;

import static io.sluice.server.security.TestAnomalies.anomaly;
import static io.sluice.server.security.TestAnomalies.awaitStored;
import static io.sluice.server.security.TestAnomalies.updated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.analyzers.security.Anomaly;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed over a real HTTP server: filters, newest-first order, cursor pages, JSON errors. */
class AnomalyRoutesTest {
    private static final String[] DETECTORS = {"brute_force", "password_spraying", "port_scan", "web_attack"};
    private static final int ANOMALIES = 30;

    @TempDir
    Path dataDir;

    private final List<Anomaly> latest = new ArrayList<>();
    private AnomalyServer server;
    private AnomalyStore store;

    @BeforeEach
    void start() throws Exception {
        server = new AnomalyServer(dataDir);
        store = server.store;
        for (int i = 0; i < ANOMALIES; i++) {
            long id = store.nextId().getAsLong();
            String type = i % 3 == 0 ? "user" : i % 3 == 1 ? "ip" : "host";
            String subject = type.equals("ip") ? "10.0.0." + (i % 4) : type + "-" + (i % 4);
            // some share a last-seen second: the id breaks the tie
            latest.add(anomaly(id, DETECTORS[i % 4], "P" + (1 + i % 3), type, subject, i / 2 * 10, i % 5 != 0));
        }
        latest.forEach(store::onAnomaly);
        // an update moves anomaly 1 to the front and closes it: only its latest version is listed
        Anomaly moved = updated(latest.get(0), 1000, false);
        latest.set(0, moved);
        store.onAnomaly(moved);
        awaitStored(store, ANOMALIES + 1);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void shouldListEveryAnomalyNewestFirstAcrossCursorPages() throws Exception {
        List<Long> expected = ids(a -> true);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/anomalies?limit=7" + (cursor == null ? "" : "&cursor=" + cursor), 200);
            page.path("anomalies").forEach(a -> seen.add(a.path("id").asLong()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(expected, seen);
        assertEquals(5, pages, "31 anomalies, 7 a page");
        assertEquals(latest.get(0).id(), seen.get(0), "the updated anomaly moved to the front");
    }

    @Test
    void shouldApplyEveryFilter() throws Exception {
        assertFilter("detector=brute_force", a -> a.detector().equals("brute_force"));
        assertFilter("detector=brute_force,port_scan", a -> a.detector().matches("brute_force|port_scan"));
        assertFilter("severity=P2", a -> a.severity().equals("P2"));
        assertFilter("severity=P1,P3", a -> !a.severity().equals("P2"));
        assertFilter("severity=" + enc("<=P2"), a -> !a.severity().equals("P3"));
        assertFilter("state=open", Anomaly::open);
        assertFilter("state=closed", a -> !a.open());
        assertFilter("ip=10.0.0.1", a -> a.subjectType().equals("ip") && a.subject().equals("10.0.0.1"));
        assertFilter("user=user-2", a -> a.subjectType().equals("user") && a.subject().equals("user-2"));
        assertFilter("host=host-3", a -> a.subjectType().equals("host") && a.subject().equals("host-3"));
        assertFilter("since=2026-11-23T10:01:00Z&until=2026-11-23T10:02:00Z",
            a -> a.lastSeen().getEpochSecond() >= TestAnomalies.T0.getEpochSecond() + 60
                && a.lastSeen().getEpochSecond() < TestAnomalies.T0.getEpochSecond() + 120);
        assertFilter("since=" + enc("2026-11-23T11:01:00+01:00") + "&detector=web_attack&state=open",
            a -> a.lastSeen().getEpochSecond() >= TestAnomalies.T0.getEpochSecond() + 60
                && a.detector().equals("web_attack") && a.open());
    }

    @Test
    void shouldMatchAnAddressNamedInTheDetailsToo() throws Exception {
        long id = store.nextId().getAsLong();
        store.onAnomaly(new Anomaly(id, "distributed_brute_force", "P2", "user", "root", TestAnomalies.T0,
            TestAnomalies.T0, 9, List.of(), List.of(),
            java.util.Map.of("ips", "192.0.2.1, 192.0.2.77", "description", "192.0.2.99"), true));
        awaitStored(store, ANOMALIES + 2);
        JsonNode page = get("/api/anomalies?ip=192.0.2.77", 200);
        assertEquals(1, page.path("anomalies").size());
        assertEquals(id, page.path("anomalies").get(0).path("id").asLong());
        assertEquals(0, get("/api/anomalies?ip=192.0.2.99", 200).path("anomalies").size(),
            "a key that merely contains the letters 'ip' names no address");
    }

    @Test
    void shouldAnswer400WithAReasonForBadParameters() throws Exception {
        assertBad("limit=0", "limit");
        assertBad("limit=1001", "limit");
        assertBad("limit=many", "limit");
        assertBad("severity=P4", "severity");
        assertBad("severity=" + enc("<=P9"), "severity");
        assertBad("state=pending", "state");
        assertBad("since=yesterday", "since");
        assertBad("cursor=bm90LWEtY3Vyc29y", "cursor");
        assertBad("colour=red", "unknown parameter 'colour'");
    }

    @Test
    void shouldRenderTheDocumentedShape() throws Exception {
        JsonNode a = get("/api/anomalies?limit=1", 200).path("anomalies").get(0);
        Anomaly expected = latest.get(0);
        assertEquals(expected.id(), a.path("id").asLong());
        assertEquals(ANOMALIES + 1, a.path("version").asLong());
        assertEquals("brute_force", a.path("detector").asText());
        assertEquals("P1", a.path("severity").asText());
        assertEquals("user", a.path("subjectType").asText());
        assertEquals("user-0", a.path("subject").asText());
        assertEquals(expected.firstSeen().toString(), a.path("firstSeen").asText());
        assertEquals(expected.lastSeen().toString(), a.path("lastSeen").asText());
        assertEquals(6, a.path("count").asLong());
        List<Long> evidence = new ArrayList<>();
        a.path("evidence").forEach(n -> evidence.add(n.asLong()));
        assertEquals(List.of(expected.id() * 10, expected.id() * 10 + 1), evidence);
        assertEquals("sample of " + expected.id(), a.path("samples").get(0).asText());
        assertEquals("sshd", a.path("details").path("service").asText());
        assertEquals("closed", a.path("state").asText());
    }

    private void assertFilter(String query, Predicate<Anomaly> filter) throws Exception {
        List<Long> expected = ids(filter);
        assertTrue(!expected.isEmpty(), "the fixture has matches for " + query);
        List<Long> actual = new ArrayList<>();
        get("/api/anomalies?limit=1000&" + query, 200).path("anomalies")
            .forEach(a -> actual.add(a.path("id").asLong()));
        assertEquals(expected, actual, query);
    }

    private void assertBad(String query, String reasonPart) throws Exception {
        JsonNode error = get("/api/anomalies?" + query, 400);
        assertTrue(error.path("error").asText().contains(reasonPart), query + ": " + error);
    }

    private List<Long> ids(Predicate<Anomaly> filter) {
        return latest.stream().filter(filter)
            .sorted(Comparator.comparing(Anomaly::lastSeen).thenComparingLong(Anomaly::id).reversed())
            .map(Anomaly::id).toList();
    }

    private JsonNode get(String path, int status) throws Exception {
        return server.get(path, status);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
