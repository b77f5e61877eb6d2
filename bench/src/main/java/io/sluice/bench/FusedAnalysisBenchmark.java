package io.sluice.bench;

import io.sluice.analyzers.AnalyzerSettings;
import io.sluice.analyzers.StreamAnalyzers;
import io.sluice.analyzers.counts.EventCounter;
import io.sluice.analyzers.scan.LineFacts;
import io.sluice.analyzers.security.detect.DetectorSettings;
import io.sluice.analyzers.security.detect.SecurityAnalyzer;
import io.sluice.analyzers.security.recognize.LogSecurityRecognizer;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.FusedHandler;
import io.sluice.ingest.syslog.SyslogDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost per event of the whole fused analysis stage, wired as {@code SluiceServer} fuses it on a small machine: event
 * counter, error rate, latency, throughput and security on one ring consumer. {@code loggen}: only loggen's 200-byte
 * RFC 3164 lines (program {@code prg00000}, {@code seq: ..., thread: ..., runid: ..., stamp: ... PADD...}), what a
 * load test sends; {@code mixed}: half loggen, the rest syslog lines of other programs (cron, systemd, dockerd's
 * {@code key="value"}), nginx access lines (200, 404, 500 with a request time) and sshd logins, over 16 hosts. Receive
 * time advances 1 us per event; endOfBatch every 64 events, as under load. Run with {@code -prof gc}: gc.alloc.rate.norm
 * must stay ~0 B/op.
 *
 * <pre>java -jar bench/target/sluice-bench.jar FusedAnalysisBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FusedAnalysisBenchmark {
    private static final int EVENTS = 64;
    private static final int HOSTS = 16;
    private static final int LINE_BYTES = 200;

    @Param({"loggen", "mixed"})
    public String mix;

    private final LogEvent[] events = new LogEvent[EVENTS];
    private FusedHandler analysis;
    private long nowNanos = 1_795_000_000_000_000_000L;
    private long sequence;

    @Setup
    public void setUp() {
        SyslogDecoder decoder = new SyslogDecoder();
        for (int i = 0; i < EVENTS; i++) {
            String host = "host-" + (i % HOSTS);
            String line = "loggen".equals(mix) || i % 2 == 0 ? loggenLine(host, i) : otherLine(host, i / 2);
            events[i] = decoded(decoder, line);
        }
        EventCounter counter = new EventCounter(1_000);
        LineFacts facts = new LineFacts(); // the analysis thread's, as SluiceServer wires it
        StreamAnalyzers analyzers = StreamAnalyzers.fused(AnalyzerSettings.defaults(), facts, this::clock);
        SecurityAnalyzer security = new SecurityAnalyzer(DetectorSettings.defaults(), new LogSecurityRecognizer(facts),
            anomaly -> { }, new AtomicLong()::incrementAndGet, this::clock);
        analysis = new FusedHandler(List.of(counter, analyzers.errors(), analyzers.latency(), analyzers.throughput(),
            security));
    }

    private long clock() {
        return nowNanos + 5_000; // handled 5 us after receipt
    }

    @Benchmark
    public long fusedStage() throws Exception {
        LogEvent event = events[(int) (sequence & (EVENTS - 1))];
        nowNanos += 1_000;
        event.setReceivedAtNanos(nowNanos);
        event.setSequence(++sequence);
        if ((sequence & 63) == 1) {
            analysis.onBatchStart(64, 0); // batches of 64, as the ring hands them over under load
        }
        analysis.onEvent(event, sequence, (sequence & 63) == 0);
        return sequence;
    }

    /** loggen's RFC 3164 line, padded to 200 bytes. */
    private static String loggenLine(String host, int i) {
        StringBuilder line = new StringBuilder("<13>Nov 23 06:00:00 ").append(host)
            .append(" prg00000[1234]: seq: ").append(String.format("%010d", i))
            .append(", thread: 0001, runid: 1795000000, stamp: 2026-11-23T06:00:00.000000, ");
        while (line.length() < LINE_BYTES) {
            line.append("PADD");
        }
        return line.substring(0, LINE_BYTES);
    }

    private static String otherLine(String host, int i) {
        String client = "198.51.100." + (i + 1);
        String header = "<30>Nov 23 06:00:00 " + host + " ";
        switch (i % 8) {
            case 0:
                return header + "CRON[2211]: (root) CMD (run-parts /etc/cron.hourly)";
            case 1:
                return header + "systemd[1]: Started Session " + i + " of user alice.";
            case 2:
                return header + "dockerd[812]: time=\"2026-11-23T06:00:00.000Z\" level=info msg=\"ignoring event\""
                    + " container=4f2a module=libcontainerd namespace=moby topic=/tasks/delete";
            case 3:
                return header + "nginx: " + client + " - - [23/Nov/2026:06:00:00 +0000] \"GET /api/v1/items?id=" + i
                    + " HTTP/1.1\" 200 1532 \"https://example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)\" 0.004";
            case 4:
                return header + "nginx: " + client + " - - [23/Nov/2026:06:00:00 +0000] \"POST /api/v1/orders"
                    + " HTTP/1.1\" 500 87 \"-\" \"okhttp/4.12.0\" 1.250";
            case 5:
                return header + "nginx: " + client + " - - [23/Nov/2026:06:00:00 +0000] \"GET /favicon.ico"
                    + " HTTP/2.0\" 404 153 \"-\" \"Mozilla/5.0 (Macintosh)\" 0.000";
            case 6:
                return header + "sshd[4242]: Accepted publickey for deploy from " + client + " port 51234 ssh2:"
                    + " ED25519 SHA256:Xk2b8Qm7";
            default:
                return header + "sshd[4242]: Disconnected from user deploy " + client + " port 51234";
        }
    }

    private static LogEvent decoded(SyslogDecoder decoder, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        LogEvent event = new LogEvent();
        event.setRaw(bytes, 0, bytes.length);
        event.setOriginalLength(bytes.length);
        event.setTransport(Transport.TCP);
        byte[] peer = "192.0.2.10:51234".getBytes(StandardCharsets.US_ASCII);
        event.setPeer(peer, peer.length);
        decoder.decode(event);
        return event;
    }
}
