package io.sluice.bench;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.storage.Journal;
import io.sluice.storage.JournalSettings;
import io.sluice.storage.JournalHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of journaling one typical parsed event (a 200-byte RFC 5424 line) through {@link JournalHandler#onEvent},
 * with the Disruptor's end of batch every {@value #BATCH} events, into a fresh journal in a temp dir.
 *
 * <p>Each iteration gets its own journal, deleted afterwards: the journal grows by hundreds of MB a second. The
 * first touch of new pages of the cycle file is part of the cost, as it is in the server; the kernel writing dirty
 * pages back to disk mostly is not (the data is deleted first), so this measures the journal thread's CPU cost.
 * A journal kept for a whole trial grows past the dirty-page limits and then measures the disk instead. Run with
 * {@code -prof gc} to check the append path allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true"})
public class JournalAppendBenchmark {
    private static final int BATCH = 64;

    /** Off: excerpts reach the page cache (survive a process crash). On: each closed excerpt is msync'ed. */
    @Param({"false", "true"})
    public boolean fsync;
    /**
     * On: a background thread faults in the cycle file's pages ahead of the writer, so the kernel zeroes them there
     * (on another core when one is free) rather than in this thread's appends.
     */
    @Param({"true", "false"})
    public boolean pretouch;
    private static final String LINE = "<165>1 2026-11-23T10:15:30.123456Z web-07.prod.example.net nginx 31337 ACCESS "
        + "[req@32473 id=\"8f3a\"] GET /api/v1/orders/12345 200 512 0.004 \"Mozilla/5.0 (X11; Linux)\" "
        + "upstream=b3 bytes_in=1432 rid=7d1c"; // 200 bytes

    private final LogEvent event = typicalEvent();
    private Path dataDir;
    private Journal journal;
    private JournalHandler handler;
    private long sequence;

    @Setup(Level.Iteration)
    public void openJournal() throws IOException {
        dataDir = Files.createTempDirectory("sluice-journal-bench");
        journal = Journal.open(dataDir, JournalSettings.defaults().withFsync(fsync).withPretouch(pretouch));
        handler = journal.newHandler();
        handler.onStart(); // on the benchmark thread, which then appends: Chronicle binds appenders to it
        sequence = 0;
    }

    @Benchmark
    public void append() {
        event.setSequence(sequence);
        handler.onEvent(event, sequence, (++sequence & (BATCH - 1)) == 0);
    }

    @TearDown(Level.Iteration)
    public void deleteJournal() throws IOException {
        handler.onShutdown();
        journal.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(JournalAppendBenchmark::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slot as the parser leaves it: every span set into the raw bytes. */
    private static LogEvent typicalEvent() {
        byte[] raw = LINE.getBytes(StandardCharsets.US_ASCII);
        LogEvent e = new LogEvent();
        e.setRaw(raw, 0, raw.length);
        byte[] peer = "10.1.2.3:51514".getBytes(StandardCharsets.US_ASCII);
        e.setPeer(peer, peer.length);
        e.setTransport(Transport.TCP);
        e.setReceivedAtNanos(1_795_000_000_000_000_000L);
        e.setFormat(Format.RFC5424);
        e.setPriority(20, 5);
        e.setTimestamp(1_795_000_000_123_456_000L, 0);
        span(e, Field.HOSTNAME, "web-07.prod.example.net");
        span(e, Field.APP_NAME, "nginx");
        span(e, Field.PROC_ID, "31337");
        span(e, Field.MSG_ID, "ACCESS");
        span(e, Field.STRUCTURED_DATA, "[req@32473 id=\"8f3a\"]");
        span(e, Field.MESSAGE, LINE.substring(LINE.indexOf("GET ")));
        return e;
    }

    private static void span(LogEvent e, Field field, String value) {
        e.setSpan(field, LINE.indexOf(value), value.length());
    }
}
