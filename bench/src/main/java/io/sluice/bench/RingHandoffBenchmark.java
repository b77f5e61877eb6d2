package io.sluice.bench;

import com.lmax.disruptor.EventHandler;
import io.sluice.core.EpochClock;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.core.pipeline.EventRing;
import io.sluice.core.pipeline.PipelineSettings;
import io.sluice.core.pipeline.WaitStrategyKind;
import io.sluice.storage.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per event of moving events through the real {@link EventPipeline}: the benchmark thread is the source (claim,
 * copy a 200-byte line into the slot, stamp transport/peer/receive time, publish), a pipeline stage thread is the
 * consumer. One op = one event handed off, so the score is the steady-state time per event of producer and consumer
 * together: whichever is slower sets it (a full ring makes the producer wait, as a paused socket would).
 *
 * <ul>
 *   <li>{@code consumer=noop}: the stage only reads the slot's length: the pure handoff cost (claim, publish,
 *       wake-up signalling of the wait strategy, the slot's cache lines moving between cores).</li>
 *   <li>{@code consumer=journal}: the stage is the real {@code JournalHandler} of a fresh journal in a temp dir
 *       (default settings: batched excerpts, no fsync, pretouch on): "ring handoff + journal append" per event.
 *       The journal's own pre-toucher thread runs too, so on 2 cores it competes with producer and consumer.</li>
 * </ul>
 * {@link #singleEvents} claims and publishes one slot at a time (a UDP datagram); {@link #claimBatches} claims
 * {@value #BATCH} at once (the TCP source's default claim batch).
 *
 * <p>Needs both cores of a 2-core machine (producer + consumer), so figures from a busy machine are indicative only. Each iteration starts with the ring full, as the
 * previous one left it, so the first ring-full of events of an iteration is not free. The journal grows by over a
 * hundred MB per second of measurement and is deleted at the end of the trial: runs are bounded to 3 + 5 one-second
 * iterations by default; keep them short. {@code -prof gc} counts every thread, consumer included.
 *
 * <pre>java -jar bench/target/sluice-bench.jar RingHandoffBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true"})
public class RingHandoffBenchmark {
    static final int BATCH = 256;
    private static final long FILL_LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    @Param({"noop", "journal"})
    public String consumer;

    /** The production default; pass {@code -p waitStrategy=LITE_BLOCKING} (or SLEEPING, YIELDING) to compare. */
    @Param({"BLOCKING"})
    public String waitStrategy;

    /**
     * The production default (4 096 x 2 KiB inline bytes, of which a 200-byte event touches a few lines); {@code -p
     * ringSize=65536} shows the cost of slots that are cold when a lap comes back to them.
     */
    @Param({"4096"})
    public int ringSize;

    private final byte[] line = ParserBenchmark.RFC5424_LINE;
    private final byte[] peer = "10.1.2.3:51514".getBytes(StandardCharsets.US_ASCII);
    private final EpochClock clock = new EpochClock();
    private Path dataDir;
    private Journal journal;
    private EventPipeline pipeline;
    private EventRing ring;

    @Setup(Level.Trial)
    public void startPipeline() throws IOException {
        PipelineSettings settings = new PipelineSettings(ringSize, PipelineSettings.DEFAULT_SLOT_BYTES,
            WaitStrategyKind.parse(waitStrategy));
        EventPipeline.Builder stages = EventPipeline.builder(settings);
        switch (consumer) {
            case "noop" -> stages.stage("noop", new SlotReader());
            case "journal" -> {
                dataDir = Files.createTempDirectory("sluice-ring-bench");
                journal = Journal.open(dataDir);
                stages.sequenceBase(journal.lastSequence() + 1).stage("journal", journal.newHandler());
            }
            default -> throw new IllegalArgumentException("unknown consumer " + consumer);
        }
        pipeline = stages.start();
        ring = pipeline.ring();
    }

    /** Fills the ring (until the producer would wait, at most 200 ms), so no iteration starts with free room. */
    @Setup(Level.Iteration)
    public void fillRing() {
        long deadline = System.nanoTime() + FILL_LIMIT_NANOS;
        while (System.nanoTime() < deadline) {
            long hi = ring.tryClaim(1);
            if (hi < 0) {
                return;
            }
            fill(ring.slot(hi), clock.epochNanos());
            ring.publish(hi);
        }
    }

    @Benchmark
    public void singleEvents() {
        long hi = claim(1);
        fill(ring.slot(hi), clock.epochNanos());
        ring.publish(hi);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void claimBatches() {
        long hi = claim(BATCH);
        long lo = hi - BATCH + 1;
        long now = clock.epochNanos(); // once per batch, as the TCP source does
        for (long s = lo; s <= hi; s++) {
            fill(ring.slot(s), now);
        }
        ring.publish(lo, hi);
    }

    @TearDown(Level.Trial)
    public void stopPipeline() throws IOException {
        boolean drained = pipeline.drainAndStop(Duration.ofSeconds(30));
        if (journal != null) {
            journal.close();
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(RingHandoffBenchmark::delete);
            }
        }
        if (!drained || pipeline.handlerErrors() > 0) {
            throw new IllegalStateException("pipeline did not drain cleanly: " + pipeline.handlerErrors() + " errors");
        }
    }

    /** Waits for room the way a benchmark may (a source would pause its socket): yield the core to the consumer. */
    private long claim(int n) {
        long hi;
        while ((hi = ring.tryClaim(n)) < 0) {
            Thread.yield();
        }
        return hi;
    }

    /** What a stream source writes into a slot before decoding: the frame's bytes and where they came from. */
    private void fill(LogEvent slot, long receivedAtNanos) {
        slot.setRaw(line, 0, line.length);
        slot.setTransport(Transport.TCP);
        slot.setPeer(peer, peer.length);
        slot.setReceivedAtNanos(receivedAtNanos);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cheapest real consumer: touches each slot, so its cache lines move to the consumer's core. */
    private static final class SlotReader implements EventHandler<LogEvent> {
        private long bytes;

        @Override
        public void onEvent(LogEvent event, long sequence, boolean endOfBatch) {
            bytes += event.rawLength();
        }
    }
}
