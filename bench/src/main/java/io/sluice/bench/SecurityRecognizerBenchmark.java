package io.sluice.bench;

import io.sluice.analyzers.security.SecuritySignal;
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

/**
 * Cost per event of {@link LogSecurityRecognizer#recognize} on a parsed slot (decoded once in setup by the syslog
 * decoder, as the ring consumer sees it): an sshd failure, a combined-format web access line, an ordinary application
 * line (the common case, which must stay cheap and allocation-free) and a web line with an attack signature. Run with
 * {@code -prof gc}: gc.alloc.rate.norm must stay ~0 B/op.
 *
 * <pre>java -jar bench/target/sluice-bench.jar SecurityRecognizerBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SecurityRecognizerBenchmark {
    private static final String SSHD_FAILURE = "Nov 23 10:00:00 bastion sshd[4242]: Failed password for invalid user "
        + "admin from 203.0.113.9 port 50022 ssh2";
    private static final String WEB_ACCESS = "Nov 23 10:00:00 web1 nginx: 203.0.113.7 - - [23/Nov/2026:10:00:00 +0000] "
        + "\"GET /api/v1/items?id=42&sort=price HTTP/1.1\" 200 1532 \"https://example.com/\" \"Mozilla/5.0 (X11; Linux "
        + "x86_64; rv:120.0) Gecko/20100101 Firefox/120.0\"";
    private static final String NON_SECURITY = "Nov 23 10:00:00 app1 orders[812]: order 4711 placed for customer 993 "
        + "with 3 items, total 59.90 EUR, in 35 ms";
    private static final String WEB_ATTACK = "Nov 23 10:00:00 web1 nginx: 203.0.113.7 - - [23/Nov/2026:10:00:00 +0000] "
        + "\"GET /item?id=1%20UNION%20SELECT%20password%20FROM%20users HTTP/1.1\" 200 1532 \"-\" \"sqlmap/1.7.2\"";

    @Param({"sshd-failure", "web-access", "non-security", "web-attack"})
    public String line;

    private final LogEvent event = new LogEvent();
    private final SecuritySignal signal = new SecuritySignal();
    private final LogSecurityRecognizer recognizer = new LogSecurityRecognizer();

    @Setup
    public void setUp() {
        String text = switch (line) {
            case "sshd-failure" -> SSHD_FAILURE;
            case "web-access" -> WEB_ACCESS;
            case "non-security" -> NON_SECURITY;
            case "web-attack" -> WEB_ATTACK;
            default -> throw new IllegalArgumentException(line);
        };
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        event.setRaw(bytes, 0, bytes.length);
        new SyslogDecoder().decode(event);
        if (recognizer.recognize(event, signal) == "non-security".equals(line)) {
            throw new IllegalStateException("unexpected recognition result for " + line);
        }
    }

    @Benchmark
    public boolean recognize() {
        return recognizer.recognize(event, signal);
    }
}
