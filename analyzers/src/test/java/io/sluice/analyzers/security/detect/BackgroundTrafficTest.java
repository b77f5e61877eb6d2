package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.analyzers.security.Anomaly;
import io.sluice.analyzers.security.recognize.LogSecurityRecognizer;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.SyslogDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Real logs (loghub's Linux, OpenSSH and Apache samples) through the real recognizer and the detectors, replayed on
 * their own timestamps: background traffic must raise no P1. OpenSSH_2k is a honeypot full of real brute force, so
 * P2 brute-force anomalies there are correct; a success-after-failures P1 would be correct only where the log shows
 * an Accepted login after failures from the same address.
 */
class BackgroundTrafficTest {
    private static final DateTimeFormatter APACHE_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy",
        Locale.ROOT);

    @Test
    void shouldRaiseNoP1FromLinuxBackgroundTraffic() throws IOException {
        List<Anomaly> anomalies = replay("loghub/Linux/Linux_2k.log");
        assertEquals(List.of(), withSeverity(anomalies, "P1"));
    }

    @Test
    void shouldRaiseNoP1FromApacheBackgroundTraffic() throws IOException {
        List<Anomaly> anomalies = replay("loghub/Apache/Apache_2k.log");
        assertEquals(List.of(), withSeverity(anomalies, "P1"));
    }

    @Test
    void shouldFindTheHoneypotsBruteForceAndNoP1() throws IOException {
        List<Anomaly> anomalies = replay("loghub/OpenSSH/OpenSSH_2k.log");
        // The ground truth for "no P1": no address that logged in successfully ever failed before.
        List<String> lines = Files.readAllLines(corpora().resolve("loghub/OpenSSH/OpenSSH_2k.log"));
        for (String accepted : lines.stream().filter(l -> l.contains("Accepted ")).toList()) {
            String ip = accepted.replaceAll(".* from (\\S+) port .*", "$1");
            assertEquals(0, lines.stream().filter(l -> l.contains(" " + ip + " ")
                && (l.contains("Failed ") || l.contains("Invalid user"))).count(), ip);
        }
        assertEquals(List.of(), withSeverity(anomalies, "P1"));
        assertTrue(count(anomalies, DetectorKind.BRUTE_FORCE) > 0, "the honeypot's brute force is found");
    }

    private static List<Anomaly> replay(String file) throws IOException {
        Path path = corpora().resolve(file);
        assumeTrue(Files.isRegularFile(path), "corpus not present: " + path);
        Map<Long, Anomaly> latest = new LinkedHashMap<>();
        AtomicLong clock = new AtomicLong();
        SecurityAnalyzer analyzer = new SecurityAnalyzer(DetectorSettings.defaults(), new LogSecurityRecognizer(),
            a -> latest.put(a.id(), a), new AtomicLong()::incrementAndGet, clock::get);
        SyslogDecoder decoder = new SyslogDecoder();
        LogEvent event = new LogEvent();
        long time = 0;
        long sequence = 0;
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            event.setRaw(bytes, 0, bytes.length);
            decoder.decode(event);
            time = Math.max(time, eventTime(event, line, time));
            event.setReceivedAtNanos(time); // replayed as if received when written
            event.setSequence(++sequence);
            clock.set(time);
            analyzer.onEvent(event, sequence, true);
        }
        analyzer.onShutdown();
        List<Anomaly> anomalies = new ArrayList<>(latest.values());
        report(file, anomalies);
        return anomalies;
    }

    private static long eventTime(LogEvent event, String line, long previous) {
        if (event.timestampNanos() != LogEvent.NO_TIMESTAMP) {
            return event.timestampNanos();
        }
        if (line.startsWith("[") && line.indexOf(']') > 0) { // Apache error log: [Sun Dec 04 04:47:44 2005]
            LocalDateTime t = LocalDateTime.parse(line.substring(1, line.indexOf(']')), APACHE_TIME);
            return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        }
        return previous;
    }

    private static void report(String file, List<Anomaly> anomalies) {
        Map<String, Integer> byDetector = new TreeMap<>();
        for (Anomaly a : anomalies) {
            byDetector.merge(a.detector() + " " + a.severity(), 1, Integer::sum);
        }
        System.out.println(file + ": " + anomalies.size() + " anomalies " + byDetector);
        for (Anomaly a : anomalies) {
            if (!a.severity().equals("P2") || !a.detector().equals("brute_force")) {
                System.out.println("  " + a.detector() + " " + a.severity() + " " + a.subjectType() + "="
                    + a.subject() + " count=" + a.count() + " " + a.details() + " samples=" + a.samples());
            }
        }
    }

    private static List<Anomaly> withSeverity(List<Anomaly> anomalies, String severity) {
        return anomalies.stream().filter(a -> a.severity().equals(severity)).toList();
    }

    private static long count(List<Anomaly> anomalies, DetectorKind kind) {
        return anomalies.stream().filter(a -> a.detector().equals(kind.label())).count();
    }

    private static Path corpora() {
        String configured = System.getProperty("sluice.corpora");
        return Path.of(configured != null ? configured : "/work/shared/corpora");
    }
}
