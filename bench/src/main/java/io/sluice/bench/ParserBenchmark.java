package io.sluice.bench;

import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.Rfc3164Decoder;
import io.sluice.ingest.syslog.Rfc5424Decoder;
import io.sluice.ingest.syslog.SyslogDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Syslog decoding into a preallocated slot, the way a source does it per frame: copy the bytes in
 * ({@link LogEvent#setRaw}), then decode. Run with {@code -prof gc}: gc.alloc.rate.norm must stay ~0 B/op.
 *
 * <pre>java -jar bench/target/sluice-bench.jar ParserBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {
    /** ~200 bytes: fractional timestamp with offset, every header field, two SD elements, a short access log. */
    static final byte[] RFC5424_LINE = ("<165>1 2026-11-23T10:00:00.123456+01:00 web-01.example.com nginx 4211 "
        + "ACCESS [meta sequenceId=\"1234567\" sysUpTime=\"68807696\"][origin ip=\"192.0.2.10\"] "
        + "GET /api/v1/items?id=42 HTTP/1.1 200 1532 0.004").getBytes(StandardCharsets.UTF_8);
    /** ~200 bytes: the classic sshd failure a security analyzer looks for. */
    static final byte[] RFC3164_LINE = ("<38>Nov 23 10:00:00 web-01.example.com sshd[4211]: Failed password for "
        + "invalid user admin from 203.0.113.7 port 52644 ssh2 [preauth] after 3 attempts; "
        + "session closed by remote host").getBytes(StandardCharsets.UTF_8);

    private final LogEvent event = new LogEvent();
    private final Rfc5424Decoder rfc5424 = new Rfc5424Decoder();
    private final Rfc3164Decoder rfc3164 = new Rfc3164Decoder();
    private final SyslogDecoder syslog = new SyslogDecoder();

    @Setup
    public void setUp() {
        event.setReceivedAtNanos(1_795_000_000_000_000_000L); // 2026-11-18: year-less dates resolve to 2026
        if (!decodes5424() || !decodes3164()) {
            throw new IllegalStateException("benchmark lines must parse");
        }
    }

    @Benchmark
    public long rfc5424WithStructuredData() {
        event.setRaw(RFC5424_LINE, 0, RFC5424_LINE.length);
        rfc5424.decode(event);
        return event.timestampNanos() + event.spanLength(Field.MESSAGE);
    }

    @Benchmark
    public long rfc3164() {
        event.setRaw(RFC3164_LINE, 0, RFC3164_LINE.length);
        rfc3164.decode(event);
        return event.timestampNanos() + event.spanLength(Field.MESSAGE);
    }

    @Benchmark
    public long autoDetectRfc5424() {
        event.setRaw(RFC5424_LINE, 0, RFC5424_LINE.length);
        syslog.decode(event);
        return event.timestampNanos() + event.spanLength(Field.MESSAGE);
    }

    @Benchmark
    public long autoDetectRfc3164() {
        event.setRaw(RFC3164_LINE, 0, RFC3164_LINE.length);
        syslog.decode(event);
        return event.timestampNanos() + event.spanLength(Field.MESSAGE);
    }

    private boolean decodes5424() {
        event.setRaw(RFC5424_LINE, 0, RFC5424_LINE.length);
        return rfc5424.decode(event) && event.has(Field.STRUCTURED_DATA);
    }

    private boolean decodes3164() {
        event.setRaw(RFC3164_LINE, 0, RFC3164_LINE.length);
        return rfc3164.decode(event) && event.has(Field.HOSTNAME) && event.has(Field.PROC_ID);
    }
}
