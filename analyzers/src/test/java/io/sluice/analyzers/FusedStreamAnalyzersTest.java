package io.sluice.analyzers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.errors.ErrorClassifier;
import io.sluice.analyzers.errors.ErrorSettings;
import io.sluice.analyzers.scan.LineFacts;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.analyzers.security.recognize.LogSecurityRecognizer;
import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.StreamStats;
import io.sluice.analyzers.stats.Window;
import io.sluice.core.LogEvent;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.core.pipeline.EventRing;
import io.sluice.core.pipeline.FusedHandler;
import io.sluice.core.pipeline.PipelineSettings;
import io.sluice.ingest.syslog.SyslogDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Analyzers fused onto one ring thread, sharing its {@link LineFacts} and keys, answer exactly what separate stages
 * answer; the security recognizer reading the shared facts recognizes what a recognizer on its own does.
 */
class FusedStreamAnalyzersTest {
    private static final String ACCESS = " - - [23/Nov/2026:06:00:00 +0000] \"GET /api/items?id=1 HTTP/1.1\" ";
    /** Syslog and RAW lines: access logs with and without a request time, errors by severity, sshd, plain text. */
    private static final List<String> LINES = List.of(
        "<14>Nov 23 06:00:00 web01 nginx: 198.51.100.1" + ACCESS + "200 1532 \"-\" \"curl/8\" 0.004",
        "<14>Nov 23 06:00:00 web01 nginx: 198.51.100.2" + ACCESS + "503 87 \"-\" \"okhttp\" 1.250",
        "<14>Nov 23 06:00:00 web02 nginx: 198.51.100.3 - - [23/Nov/2026:06:00:00 +0000] \"GET /../../etc/passwd"
            + " HTTP/1.1\" 404 153 \"-\" \"sqlmap/1.7\"",
        "<14>Nov 23 06:00:00 web02 app: 198.51.100.4" + ACCESS + "401 0 \"-\" \"Mozilla\" 0.120",
        "web03 nginx[12]: 198.51.100.5" + ACCESS + "500 10 \"-\" \"Mozilla\" 0.300",
        "198.51.100.6" + ACCESS + "401 0 \"-\" \"Mozilla\" 0.010",
        "<11>Nov 23 06:00:00 db01 postgres[7]: connection lost duration=35ms",
        "<38>Nov 23 06:00:00 bastion sshd[4242]: Failed password for root from 203.0.113.9 port 51234 ssh2",
        "<38>Nov 23 06:00:00 bastion sshd[4242]: Accepted publickey for deploy from 203.0.113.10 port 5 ssh2",
        "<13>Nov 23 06:00:00 load prg00000[1234]: seq: 0000000042, thread: 0001, runid: 1795000000, PADDPADD",
        "<30>Nov 23 06:00:00 host dockerd[812]: time=\"2026-11-23\" level=info msg=\"client gone\" remote=1.2.3.4");

    private final SyslogDecoder decoder = new SyslogDecoder();
    private final long now = TestLogEvents.at(30);

    @Test
    void shouldAnswerWhatSeparateStagesAnswer() throws Exception {
        StreamAnalyzers separate = new StreamAnalyzers(AnalyzerSettings.defaults(), () -> now);
        StreamAnalyzers fused = StreamAnalyzers.fused(AnalyzerSettings.defaults(), new LineFacts(), () -> now);
        FusedHandler fusedStage = new FusedHandler(List.of(fused.errors(), fused.latency(), fused.throughput()));
        long sequence = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < LINES.size(); i++) {
                LogEvent event = decoded(LINES.get(i), TestLogEvents.at(round * 10 + sequence % 7));
                boolean endOfBatch = sequence % 4 == 3 || i == LINES.size() - 1; // batches of 4, a round ends one
                separate.errors().onEvent(event, sequence, endOfBatch);
                separate.latency().onEvent(event, sequence, endOfBatch);
                separate.throughput().onEvent(event, sequence, endOfBatch);
                fusedStage.onEvent(event, sequence, endOfBatch);
                sequence++;
            }
        }
        for (Dimension d : Dimension.values()) {
            assertEquals(separate.keys(d), fused.keys(d));
            assertTrue(!fused.keys(d).isEmpty());
            for (String key : fused.keys(d)) {
                for (Window w : Window.values()) {
                    assertEquals(separate.errorRate(d, key, w), fused.errorRate(d, key, w), d + " " + key + " " + w);
                    assertEquals(separate.throughput(d, key, w), fused.throughput(d, key, w), d + " " + key + " " + w);
                }
            }
        }
        for (String service : fused.keys(Dimension.SERVICE)) {
            assertEquals(separate.latency(service, Window.ONE_MINUTE), fused.latency(service, Window.ONE_MINUTE));
        }
        assertEquals(3, fused.errorRate(Dimension.SERVICE, "nginx", Window.ONE_MINUTE).errors(), "the 503, per round");
        assertEquals(6, fused.latency("nginx", Window.ONE_MINUTE).count(), "two request times per round");
    }

    @Test
    void shouldRecognizeFromSharedFactsWhatARecognizerOnItsOwnDoes() {
        LineFacts facts = new LineFacts();
        ErrorClassifier classifier = new ErrorClassifier(ErrorSettings.defaults());
        LogSecurityRecognizer shared = new LogSecurityRecognizer(facts);
        LogSecurityRecognizer alone = new LogSecurityRecognizer();
        SecuritySignal expected = new SecuritySignal();
        SecuritySignal actual = new SecuritySignal();
        long sequence = 100;
        for (String line : LINES) {
            LogEvent event = decoded(line, now);
            boolean recognized = alone.recognize(event, expected);
            classifier.isError(event, facts.of(event, sequence)); // an earlier analyzer filled the facts
            assertEquals(recognized, shared.recognize(event, sequence, actual), line);
            assertEquals(expected.action(), actual.action(), line);
            assertEquals(expected.attack(), actual.attack(), line);
            assertEquals(expected.httpStatus(), actual.httpStatus(), line);
            assertEquals(expected.sourceIpOffset(), actual.sourceIpOffset(), line);
            assertEquals(expected.userOffset(), actual.userOffset(), line);
            sequence++;
        }
    }

    @Test
    void shouldRefuseToRunFusedAnalyzersAsSeparateStages() {
        StreamAnalyzers fused = StreamAnalyzers.fused(AnalyzerSettings.defaults(), new LineFacts());
        assertThrows(IllegalStateException.class, () -> fused.addStagesTo(EventPipeline.builder(
            PipelineSettings.defaults())));
    }

    @Test
    void shouldCountEveryEventWhenFusedOnARealRingThread() {
        StreamAnalyzers fused = StreamAnalyzers.fused(AnalyzerSettings.defaults(), new LineFacts(),
            () -> TestLogEvents.at(1));
        EventPipeline pipeline = EventPipeline.builder(PipelineSettings.defaults().withRingSize(256))
            .stage("analysis", new FusedHandler(List.of(fused.errors(), fused.latency(), fused.throughput())))
            .start();
        EventRing ring = pipeline.ring();
        LogEvent[] templates = {decoded(LINES.get(0), TestLogEvents.at(1)), decoded(LINES.get(1), TestLogEvents.at(1))};
        for (int i = 0; i < 10_000; i++) {
            long seq;
            while ((seq = ring.tryClaim(1)) < 0) {
                Thread.onSpinWait();
            }
            ring.slot(seq).copyFrom(templates[i % 10 == 0 ? 1 : 0]);
            ring.publish(seq);
        }
        assertTrue(pipeline.drainAndStop(Duration.ofSeconds(30)));
        StreamStats stats = fused;
        assertEquals(1_000, stats.errorRate(Dimension.HOST, "web01", Window.ONE_MINUTE).errors());
        assertEquals(10_000, stats.errorRate(Dimension.HOST, "web01", Window.ONE_MINUTE).events());
        assertEquals(10_000, stats.latency("nginx", Window.ONE_MINUTE).count());
    }

    private LogEvent decoded(String line, long receivedAtNanos) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        LogEvent event = new LogEvent();
        event.setRaw(bytes, 0, bytes.length);
        decoder.decode(event);
        event.setReceivedAtNanos(receivedAtNanos);
        event.setOriginalLength(bytes.length);
        byte[] peer = "192.0.2.7:5514".getBytes(StandardCharsets.US_ASCII);
        event.setPeer(peer, peer.length);
        return event;
    }
}
