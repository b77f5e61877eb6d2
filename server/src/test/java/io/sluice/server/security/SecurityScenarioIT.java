package io.sluice.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.SluiceServer;
import io.sluice.server.config.AnalyzerStages;
import io.sluice.server.support.SyslogSender;
import io.sluice.server.support.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security feed end to end over real sockets: real background logs (loghub) raise no P1; a brute-force burst, a
 * password spray, a success after failures, a port scan and a web scan each open exactly one anomaly of their
 * detector with the right subject and evidence; the SSE stream delivers the brute-force anomaly within 1 s of the
 * line that triggered it; the detail route returns the evidence events from the journal.
 */
class SecurityScenarioIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TS = "2026-11-23T10:00:00Z";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private int api;

    @Test
    void shouldOpenOneAnomalyPerScenarioAndNoP1FromBackground() throws Exception {
        // a thread per analysis stage here (the other ITs run fused, the default on small machines): both layouts run
        try (SluiceServer server = SluiceServer.start(TestServers.loopback(dir)
            .withAnalyzerStages(AnalyzerStages.SEPARATE))) {
            api = server.port("http");
            int tcp = server.port("syslog-tcp");
            try (SyslogSender background = new SyslogSender(tcp, false)) {
                for (String file : List.of("Linux/Linux_2k.log", "Apache/Apache_2k.log")) {
                    for (String line : Files.readAllLines(corpora().resolve("loghub").resolve(file),
                        StandardCharsets.UTF_8)) {
                        background.send(line.replace("\r", ""));
                    }
                }
            }
            waitForStored(server, 4_000);
            assertTrue(anomalies("severity=P1").isEmpty(), "background raised a P1: " + anomalies("severity=P1"));

            List<String[]> sse = new CopyOnWriteArrayList<>();
            http.sendAsync(HttpRequest.newBuilder(URI.create(base() + "/api/anomalies/stream")).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body()
                    .forEach(l -> sse.add(new String[] {Long.toString(System.nanoTime()), l})));
            Thread.sleep(300); // the stream is connected (and past any backlog) before the burst

            long triggered;
            try (SyslogSender sender = new SyslogSender(tcp, false)) {
                for (int i = 0; i < 5; i++) {
                    sender.send(sshd("Failed password for root from 203.0.113.10 port " + (40000 + i) + " ssh2"));
                }
                sender.flush();
                triggered = System.nanoTime();
            }
            long deliveredAfter = waitForSse(sse, "\"subject\":\"203.0.113.10\"", triggered);
            System.out.printf("security e2e: 5th failure -> SSE anomaly %.0f ms%n", deliveredAfter / 1e6);
            assertTrue(deliveredAfter < 1_000_000_000L, "SSE delivered " + deliveredAfter / 1e6 + " ms after");

            try (SyslogSender sender = new SyslogSender(tcp, false)) {
                for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
                    sender.send(sshd("Failed password for invalid user " + user + " from 203.0.113.20 port 4100 ssh2"));
                }
                for (int i = 0; i < 3; i++) {
                    sender.send(sshd("Failed password for admin from 203.0.113.30 port 4200 ssh2"));
                }
                sender.send(sshd("Accepted password for admin from 203.0.113.30 port 4201 ssh2"));
                for (int port = 20; port < 32; port++) {
                    sender.send("<4>1 " + TS + " fw01 kernel - - - [UFW BLOCK] IN=eth0 OUT= MAC=00:00 "
                        + "SRC=198.51.100.40 DST=10.0.0.5 LEN=44 TOS=0x00 PREC=0x00 TTL=50 ID=1 PROTO=TCP SPT=51000 "
                        + "DPT=" + port + " WINDOW=1024 RES=0x00 SYN URGP=0");
                }
                sender.send("<14>1 " + TS + " web01 nginx - - - 198.51.100.50 - - [23/Nov/2026:10:00:00 +0000] "
                    + "\"GET /../../etc/passwd HTTP/1.1\" 404 153 \"-\" \"Mozilla/5.00 (Nikto/2.1.6)\"");
            }

            JsonNode brute = one("brute_force", "203.0.113.10");
            assertEquals(5, brute.get("evidence").size(), brute.toString());
            JsonNode spray = one("password_spraying", "203.0.113.20");
            assertTrue(spray.get("evidence").size() >= 5, spray.toString());
            JsonNode compromise = one("success_after_failures", "203.0.113.30");
            assertEquals("P1", compromise.get("severity").asText());
            one("port_scan", "198.51.100.40");
            one("web_attack", "198.51.100.50");

            JsonNode detail = get("/api/anomalies/" + brute.get("id").asLong());
            assertEquals(5, detail.get("evidenceEvents").size(), detail.toString());
            assertTrue(detail.get("evidenceEvents").get(0).get("message").asText().contains("203.0.113.10"));
        }
    }

    private static String sshd(String message) {
        return "<38>1 " + TS + " bastion sshd 4242 - - " + message;
    }

    /** Exactly one anomaly of {@code detector} for {@code subject} (polling: the store writes on its own thread). */
    private JsonNode one(String detector, String subject) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<JsonNode> found = List.of();
        while (System.nanoTime() < deadline) {
            found = anomalies("detector=" + detector).stream()
                .filter(a -> subject.equals(a.get("subject").asText())).toList();
            if (!found.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(1, found.size(), detector + " for " + subject + ": " + anomalies(""));
        assertEquals("open", found.get(0).get("state").asText());
        assertFalse(found.get(0).get("evidence").isEmpty());
        return found.get(0);
    }

    private List<JsonNode> anomalies(String query) throws Exception {
        List<JsonNode> result = new ArrayList<>();
        get("/api/anomalies?" + query).get("anomalies").forEach(result::add);
        return result;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private String base() {
        return "http://127.0.0.1:" + api;
    }

    /** Nanoseconds from {@code since} to the first SSE data line containing {@code text}. */
    private static long waitForSse(List<String[]> lines, String text, long since) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String[] line : lines) {
                if (line[1].startsWith("data:") && line[1].contains(text)) {
                    return Long.parseLong(line[0]) - since;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no SSE event with " + text + " in " + lines.size() + " lines");
    }

    private void waitForStored(SluiceServer server, long expected) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && get("/api/stats").get("totals").get("stored").asLong() < expected) {
            Thread.sleep(50);
        }
        Thread.sleep(300); // the security stage runs beside the journal: let it finish the same events
    }

    private static Path corpora() {
        String configured = System.getProperty("sluice.corpora");
        Path dir = configured == null ? Path.of("/work/shared/corpora") : Path.of(configured);
        assertTrue(Files.isDirectory(dir), "corpora not found at " + dir);
        return dir;
    }
}
