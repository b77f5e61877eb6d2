package io.sluice.bench;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecurityRecognizer;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.analyzers.security.detect.DetectorSettings;
import io.sluice.analyzers.security.detect.SecurityAnalyzer;
import io.sluice.analyzers.security.recognize.LogSecurityRecognizer;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.SyslogDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost per event of the security stage ({@code SecurityAnalyzer.onEvent}: volume detector, recognizer, signal
 * detectors, anomaly book). {@code failure}: sshd "Failed password" lines from 256 addresses taking turns, so every
 * address is an open brute-force anomaly and each event updates it (the steady state of an attack);
 * {@code nonSecurity}: an application line no detector but the volume one looks at. {@code recognizer=fixed} hands
 * the detectors a precomputed signal (detectors alone); {@code real} runs {@link LogSecurityRecognizer} too. Receive
 * time advances 1 us per event; endOfBatch every 64 events, as under load. Run with {@code -prof gc}.
 *
 * <pre>java -jar bench/target/sluice-bench.jar SecurityDetectorBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SecurityDetectorBenchmark {
    private static final int KEYS = 256;

    @Param({"fixed", "real"})
    public String recognizer;

    private final LogEvent[] failures = new LogEvent[KEYS];
    private final LogEvent[] plain = new LogEvent[KEYS];
    private final int[] ipOffsets = new int[KEYS];
    private final int[] ipLengths = new int[KEYS];
    private SecurityAnalyzer analyzer;
    private long nowNanos = 1_795_000_000_000_000_000L;
    private long sequence;
    private int current;

    @Setup
    public void setUp() {
        SyslogDecoder decoder = new SyslogDecoder();
        for (int i = 0; i < KEYS; i++) {
            String ip = "203.0." + (113 + i / 200) + "." + (i % 200 + 1);
            String line = "<38>Nov 23 06:00:00 bastion sshd[4242]: Failed password for root from " + ip
                + " port 51234 ssh2";
            failures[i] = decoded(decoder, line);
            ipOffsets[i] = line.indexOf(ip);
            ipLengths[i] = ip.length();
            plain[i] = decoded(decoder, "<14>Nov 23 06:00:00 app-" + (i % 8) + " checkout[99]: order 4711 placed,"
                + " 3 items, total 99.90 EUR");
        }
        SecurityRecognizer recognize = "real".equals(recognizer) ? new LogSecurityRecognizer() : this::fixed;
        analyzer = new SecurityAnalyzer(DetectorSettings.defaults(), recognize, anomaly -> { },
            new java.util.concurrent.atomic.AtomicLong()::incrementAndGet, this::clock);
    }

    /** The recognizer's answer, precomputed: a failure for the failure lines, nothing for the others. */
    private boolean fixed(LogEvent event, SecuritySignal out) {
        out.clear();
        if (event != failures[current]) {
            return false;
        }
        out.action(SecurityAction.AUTH_FAILURE).sourceIp(ipOffsets[current], ipLengths[current]);
        return true;
    }

    private long clock() {
        return nowNanos;
    }

    @Benchmark
    public void failure(Blackhole bh) {
        onEvent(failures);
        bh.consume(sequence);
    }

    @Benchmark
    public void nonSecurity(Blackhole bh) {
        onEvent(plain);
        bh.consume(sequence);
    }

    private void onEvent(LogEvent[] events) {
        current = (int) (sequence & (KEYS - 1));
        LogEvent event = events[current];
        nowNanos += 1_000;
        event.setReceivedAtNanos(nowNanos);
        event.setSequence(++sequence);
        analyzer.onEvent(event, sequence, (sequence & 63) == 0);
    }

    private static LogEvent decoded(SyslogDecoder decoder, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        LogEvent event = new LogEvent();
        event.setRaw(bytes, 0, bytes.length);
        decoder.decode(event);
        return event;
    }
}
