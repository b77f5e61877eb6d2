package io.sluice.bench.e2e;

import io.sluice.bench.e2e.Matrix.Cell;
import io.sluice.bench.e2e.Matrix.Client;
import io.sluice.bench.e2e.Matrix.Transport;
import io.sluice.bench.load.BodyPool;
import io.sluice.bench.load.HttpNdjsonLoad;
import io.sluice.bench.load.LoadResult;
import io.sluice.bench.load.LoadSamples;
import io.sluice.bench.load.TcpSyslogLoad;
import io.sluice.bench.load.UdpSyslogLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Runs one case against a fresh server: start, warm up (same load, not measured), wait until the warm-up is stored,
 * send for the duration (measured), wait until the server has stored what it will store, read CPU / RSS / latency,
 * stop it with SIGTERM, count the journal, delete the data dir.
 */
public final class CaseRunner {
    private static final Duration SETTLE_QUIET = Duration.ofMillis(500);
    /** UDP: a second without progress means it is over. TCP/HTTP: everything sent must arrive, so give a slow
     * (garbage-collecting) server much longer before calling what is missing lost. */
    private static final Duration DRAIN_QUIET_UDP = Duration.ofSeconds(1);
    private static final Duration DRAIN_QUIET_LOSSLESS = Duration.ofSeconds(10);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

    private final SluiceProcess.Launch launch;
    private final LoadSamples samples;
    private final LoggenClient loggen;
    private final Duration warmup;
    private final Path keptLogs;
    private final Map<String, BodyPool> pools = new HashMap<>();
    /** Distinct warnings and errors the server printed, across runs (for the notes). */
    private final Set<String> serverTrouble = new LinkedHashSet<>();

    /** @param keptLogs where the server logs of failed runs are copied (the data dirs are always deleted) */
    public CaseRunner(SluiceProcess.Launch launch, LoadSamples samples, LoggenClient loggen, Duration warmup,
                      Path keptLogs) {
        this.launch = launch;
        this.keptLogs = keptLogs;
        this.samples = samples;
        this.loggen = loggen;
        this.warmup = warmup;
    }

    /** Runs {@code cell} for {@code duration} at {@code rate} events/s in total (0 = as fast as possible). */
    public RunRecord run(Cell cell, long rate, Duration duration) throws IOException, InterruptedException {
        SluiceProcess server = SluiceProcess.start(launch, null);
        try {
            long kernelDrops0 = SluiceProcess.kernelUdpReceiveBufferErrors();
            LoadResult warm = drive(cell, server, rate, warmup);
            boolean lossless = cell.transport().lossless();
            long base = server.awaitStored(lossless ? warm.sent() : 0, SETTLE_QUIET, DRAIN_TIMEOUT).stored();
            double cpu0 = server.cpuSeconds();
            LoadResult main = drive(cell, server, rate, duration);
            long sendEnd = System.nanoTime();
            long sent = warm.sent() + main.sent();
            SluiceProcess.Drain drain = server.awaitStored(lossless ? sent : 0,
                lossless ? DRAIN_QUIET_LOSSLESS : DRAIN_QUIET_UDP, DRAIN_TIMEOUT);
            double cpu = server.cpuSeconds() - cpu0;
            long rss = server.rssPeakBytes();
            long rssAnon = server.rssAnonBytes();
            String metrics = server.get("/metrics");
            long dropped = cell.transport() == Transport.UDP ? udpDrops(metrics, kernelDrops0) : 0;
            server.close();
            serverTrouble.addAll(server.troubleLines());
            JournalCount journal = JournalCount.of(server.dataDir());
            if (lossless && journal.events() != sent || server.outOfMemory() != null) {
                keepLog(server, cell);
            }
            double drainSeconds = Math.max(0, (drain.lastChangeNanos() - sendEnd) / 1e9);
            long measured = drain.stored() - base;
            return new RunRecord(cell.client().label(), cell.transport().label(), cell.connections(),
                cell.messageBytes(), main.seconds(), rate, sent, journal.events(), dropped,
                measured / (main.seconds() + drainSeconds), cpu, measured, rss, journal.journalDiskBytes(),
                PrometheusText.journalLatency(metrics), io.sluice.bench.e2e.LatencyMs.ofMicros(main.ackLatencyUs()),
                lossless ? journal.events() == sent : null, drainSeconds, warm.rejected() + main.rejected(),
                warm.errors() + main.errors(), journal.deadLetterEvents(), rssAnon);
        } catch (IOException e) {
            keepLog(server, cell);
            String oom = server.outOfMemory();
            throw new IOException(e + (oom != null ? "; the server ran out of memory: " + oom.trim()
                : server.alive() ? "" : "; the server exited:\n" + server.logTail()), e);
        } finally {
            server.close();
            server.deleteFiles();
        }
    }

    private void keepLog(SluiceProcess server, Cell cell) {
        try {
            Files.createDirectories(keptLogs);
            Path copy = keptLogs.resolve("e2e-server-" + cell.client().label() + "-" + cell.transport().label() + "-"
                + cell.connections() + "c-" + cell.messageBytes() + "b-" + System.currentTimeMillis() + ".log");
            Files.copy(server.log(), copy);
            serverTrouble.add("log of the failed run " + cell + " kept in " + copy);
        } catch (IOException e) {
            serverTrouble.add("could not keep the server log of " + cell + ": " + e);
        }
    }

    /** What the server dropped of UDP: its ring-full counter plus the kernel's receive-buffer drops since start. */
    private static long udpDrops(String metrics, long kernelDropsBefore) throws IOException {
        double ring = PrometheusText.value(metrics, PrometheusText.EVENTS_DROPPED, Map.of("transport", "udp"));
        long kernel = SluiceProcess.kernelUdpReceiveBufferErrors() - kernelDropsBefore;
        return (Double.isNaN(ring) ? 0 : (long) ring) + Math.max(0, kernel);
    }

    private LoadResult drive(Cell cell, SluiceProcess server, long rate, Duration duration)
        throws IOException, InterruptedException {
        long nanos = duration.toNanos();
        if (cell.client() == Client.LOGGEN) {
            return loggen.run(server.tcp(), (int) Math.max(1, Math.round(duration.toMillis() / 1000.0)),
                cell.connections(), cell.messageBytes());
        }
        return switch (cell.transport()) {
            case TCP -> TcpSyslogLoad.run(server.tcp(), cell.connections(),
                pool(BodyPool.Format.RFC3164, cell.messageBytes()), rate, nanos);
            case UDP -> UdpSyslogLoad.run(server.udp(), cell.connections(),
                pool(BodyPool.Format.RFC3164, cell.messageBytes()), rate, nanos);
            case HTTP -> HttpNdjsonLoad.run(server.ingestUrl(), cell.connections(),
                pool(BodyPool.Format.NDJSON, cell.messageBytes()), HttpNdjsonLoad.DEFAULT_BATCH, rate, nanos);
        };
    }

    private BodyPool pool(BodyPool.Format format, int messageBytes) {
        return pools.computeIfAbsent(format + "/" + messageBytes,
            k -> BodyPool.build(format, messageBytes, samples.samples()));
    }

    public Set<String> serverTrouble() {
        return serverTrouble;
    }
}
