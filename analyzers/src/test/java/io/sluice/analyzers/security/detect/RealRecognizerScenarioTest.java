package io.sluice.analyzers.security.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.analyzers.security.Anomaly;
import io.sluice.analyzers.security.recognize.LogSecurityRecognizer;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.SyslogDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Scenarios as syslog lines, decoded by SyslogDecoder and read by the real LogSecurityRecognizer. */
class RealRecognizerScenarioTest {
    private final Map<Long, Anomaly> latest = new LinkedHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final SecurityAnalyzer analyzer = new SecurityAnalyzer(DetectorSettings.defaults(),
        new LogSecurityRecognizer(), a -> latest.put(a.id(), a), new AtomicLong()::incrementAndGet, clock::get);
    private final SyslogDecoder decoder = new SyslogDecoder();
    private final LogEvent event = new LogEvent();
    private long sequence;

    @Test
    void shouldSeeABruteForceThatSucceededAsP2ThenP1() {
        List<Long> failures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            failures.add(send(i, "<38>Nov 23 06:00:0" + i + " bastion sshd[4" + i
                + "]: Failed password for root from 203.0.113.9 port 4000" + i + " ssh2"));
        }
        long success = send(9, "<38>Nov 23 06:00:09 bastion sshd[49]: Accepted password for root from 203.0.113.9"
            + " port 40009 ssh2");
        Anomaly bruteForce = only(DetectorKind.BRUTE_FORCE);
        assertEquals("203.0.113.9", bruteForce.subject());
        assertEquals(failures, bruteForce.evidence());
        Anomaly compromise = only(DetectorKind.SUCCESS_AFTER_FAILURES);
        assertEquals("P1", compromise.severity());
        assertEquals("203.0.113.9", compromise.subject());
        assertEquals(success, compromise.evidence().get(compromise.evidence().size() - 1));
    }

    @Test
    void shouldSeeAPortScanInFirewallLines() {
        for (int port = 20; port < 30; port++) {
            send(port - 20, "<4>Nov 23 06:00:" + (10 + port) + " gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:00"
                + " SRC=198.51.100.66 DST=192.0.2.1 LEN=44 TOS=0x00 PREC=0x00 TTL=49 ID=0 PROTO=TCP SPT=51000"
                + " DPT=" + port + " WINDOW=1024 RES=0x00 SYN URGP=0");
        }
        Anomaly scan = only(DetectorKind.PORT_SCAN);
        assertEquals("198.51.100.66", scan.subject());
        assertEquals(10, scan.evidence().size());
    }

    private long send(double second, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        event.setRaw(bytes, 0, bytes.length);
        decoder.decode(event);
        long at = 1_800_000_000_000_000_000L + (long) (second * 1e9);
        event.setReceivedAtNanos(at);
        event.setSequence(++sequence);
        clock.set(at);
        analyzer.onEvent(event, sequence, true);
        return sequence;
    }

    private Anomaly only(DetectorKind kind) {
        List<Anomaly> found = latest.values().stream().filter(a -> a.detector().equals(kind.label())).toList();
        assertEquals(1, found.size(), kind + " in " + latest.values());
        return found.get(0);
    }
}
