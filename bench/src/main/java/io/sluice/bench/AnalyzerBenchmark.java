package io.sluice.bench;

import io.sluice.analyzers.errors.ErrorRateAnalyzer;
import io.sluice.analyzers.errors.ErrorSettings;
import io.sluice.analyzers.latency.LatencyAnalyzer;
import io.sluice.analyzers.latency.LatencySettings;
import io.sluice.analyzers.latency.PipelineLatencyRecorder;
import io.sluice.analyzers.throughput.ThroughputAnalyzer;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
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

/**
 * Cost per event of each analyzer's {@code onEvent}, on a typical parsed event: an NDJSON record from the HTTP source
 * (message, host, app, JSON attributes with an HTTP status and a duration) or an nginx access line over syslog. The
 * receive time advances 1 us per event (a simulated 1 M events/s), so buckets rotate as in production; 64 services and
 * hosts take turns. Run with {@code -prof gc}: gc.alloc.rate.norm must stay ~0 B/op.
 *
 * <pre>java -jar bench/target/sluice-bench.jar AnalyzerBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AnalyzerBenchmark {
    private static final int KEYS = 64;
    private static final String JSON_ATTRIBUTES = "{\"http\":{\"method\":\"GET\",\"route\":\"/api/orders/{id}\","
        + "\"status\":200},\"user\":{\"id\":\"u-4711\"},\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
        + "\"duration_ms\":87.5}";
    private static final String ACCESS_LINE = "203.0.113.7 - - [23/Nov/2026:10:00:00 +0000] \"GET /api/v1/items?id=42 "
        + "HTTP/1.1\" 200 1532 \"https://example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)\" 0.004";

    @Param({"json", "access-log"})
    public String shape;

    private final LogEvent[] events = new LogEvent[KEYS];
    private ErrorRateAnalyzer errors;
    private LatencyAnalyzer latency;
    private ThroughputAnalyzer throughput;
    private long nowNanos = 1_795_000_000_000_000_000L;
    private long sequence;

    @Setup
    public void setUp() {
        for (int i = 0; i < KEYS; i++) {
            events[i] = "json".equals(shape)
                ? event("order placed", "web-" + i, "checkout-" + i, JSON_ATTRIBUTES, Format.JSON, Transport.HTTP)
                : event(ACCESS_LINE, "web-" + i, "nginx-" + i, null, Format.RFC3164, Transport.TCP);
        }
        errors = new ErrorRateAnalyzer(ErrorSettings.defaults(), 10_000);
        latency = new LatencyAnalyzer(LatencySettings.defaults(), new PipelineLatencyRecorder(), this::clock);
        throughput = new ThroughputAnalyzer(10_000);
    }

    private long clock() {
        return nowNanos + 5_000; // handled 5 us after receipt
    }

    private LogEvent next() {
        LogEvent event = events[(int) (sequence & (KEYS - 1))];
        nowNanos += 1_000;
        event.setReceivedAtNanos(nowNanos);
        sequence++;
        return event;
    }

    @Benchmark
    public long errorRate() {
        errors.onEvent(next(), sequence, true);
        return sequence;
    }

    @Benchmark
    public long latency() {
        latency.onBatchStart(1, 0); // a batch of one, as the other analyzers' calls are: the clock here is a field read
        latency.onEvent(next(), sequence, true);
        return sequence;
    }

    @Benchmark
    public long throughput() {
        throughput.onEvent(next(), sequence, true);
        return sequence;
    }

    private static LogEvent event(String message, String host, String app, String attributes, Format format,
                                  Transport transport) {
        String[] parts = {message, host, app, attributes};
        Field[] fields = {Field.MESSAGE, Field.HOSTNAME, Field.APP_NAME, Field.ATTRIBUTES};
        StringBuilder raw = new StringBuilder();
        for (String part : parts) {
            raw.append(part == null ? "" : part);
        }
        byte[] bytes = raw.toString().getBytes(StandardCharsets.UTF_8);
        LogEvent event = new LogEvent();
        event.setRaw(bytes, 0, bytes.length);
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != null) {
                int length = parts[i].getBytes(StandardCharsets.UTF_8).length;
                event.setSpan(fields[i], at, length);
                at += length;
            }
        }
        event.setFormat(format);
        event.setPriority(1, 6);
        event.setTransport(transport);
        byte[] peer = "192.0.2.10:51234".getBytes(StandardCharsets.US_ASCII);
        event.setPeer(peer, peer.length);
        return event;
    }
}
