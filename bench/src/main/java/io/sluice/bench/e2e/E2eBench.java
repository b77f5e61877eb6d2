package io.sluice.bench.e2e;

import io.sluice.bench.e2e.Matrix.Cell;
import io.sluice.bench.e2e.Matrix.Client;
import io.sluice.bench.e2e.Matrix.Transport;
import io.sluice.bench.load.LoadSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./sluice bench e2e}: the end-to-end load benchmark. Starts the real server jar as a child process (fresh
 * data dir, ports chosen by the kernel, 127.0.0.1 only) once per run, drives it with Sluice's Java generators (TCP
 * syslog, HTTP NDJSON batches of 500, UDP; bodies from the loghub corpus) or with syslog-ng's {@code loggen}, and
 * measures what the server kept: events/s and MB/s stored (stored / (send + drain seconds)), events counted back
 * from the journal after a SIGTERM, receive -> journal latency percentiles ({@code /metrics}, last minute, warm-up
 * included), HTTP acknowledgement latency, server CPU seconds and peak RSS, journal bytes per million events. Every
 * TCP and HTTP run ends with stored == sent; a failed check makes the exit status 1 and names the run.
 *
 * <p>Scenarios (all by default, in this order): {@code max} (Java TCP, 4 connections, 200 B, unthrottled),
 * {@code half-load} (the same at half of max's events/s, or {@code --rate}: the latency goal), {@code matrix}
 * (transports x connections x sizes x clients), {@code alert} (error burst -> alert firing, 3 fresh servers).
 *
 * <pre>
 * ./sluice bench e2e                                   # everything (about 10 min on 2 cores)
 * ./sluice bench e2e --scenario matrix --transports tcp --connections 1,4 --sizes 200 --duration 5s
 * ./sluice bench e2e --scenario half-load --rate 150000
 * </pre>
 * Results: a markdown table on stdout while running, and {@code bench-results/e2e-<timestamp>.json}.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 118,
    description = {"End-to-end load benchmark: the real server jar as a child process (fresh data dir per run), driven",
        "by Sluice's Java generators (TCP syslog, HTTP NDJSON batches of 500, UDP; bodies from the loghub corpus) and",
        "syslog-ng's loggen. Events are counted back from the journal after SIGTERM; every TCP/HTTP run must end with",
        "stored == sent, else the exit status is 1 and the failed run is named.",
        "Scenarios, in order: max (Java TCP, 4 conns, 200 B, unthrottled), half-load (the same at half of max's",
        "events/s or --rate; journal latency), matrix (clients x transports x connections x sizes), alert (error",
        "burst -> alert firing, --alert-reps fresh servers).",
        "Default: all four; the matrix is the full Java matrix plus loggen TCP 4 conns per size, 5 s per matrix run",
        "(about 10 minutes on 2 cores; a server that stalls adds up to 2 minutes per run).",
        "Results: a markdown table on stdout, bench-results/e2e-<yyyyMMdd'T'HHmmss>.json, and the server log of",
        "any failed run next to it."},
    footer = {"", "Examples:",
        "  ./sluice bench e2e",
        "  ./sluice bench e2e --scenario matrix --transports tcp --connections 1,4 --sizes 200 --duration 5s",
        "  ./sluice bench e2e --scenario half-load --rate 150000 --duration 20s",
        "  ./sluice bench e2e --scenario alert --alert-reps 5"})
public final class E2eBench implements Callable<Integer> {
    /** Longer than the server's one-minute latency window plus its 10 s slide step. */
    private static final Duration HALF_LOAD_DURATION = Duration.ofSeconds(75);

    static final Duration DEFAULT_MATRIX_DURATION = Duration.ofSeconds(5);
    static final Cell MAX_CELL = new Cell(Client.JAVA, Transport.TCP, 4, 200);

    @Option(names = "--scenario", split = ",", defaultValue = "max,half-load,matrix,alert",
        description = "max, half-load, matrix, alert (comma-separated; default: ${DEFAULT-VALUE})")
    List<String> scenarios;
    @Option(names = "--transports", split = ",", defaultValue = "tcp,http,udp", description = "default: ${DEFAULT-VALUE}")
    List<String> transports;
    @Option(names = "--connections", split = ",", description = "default: 1,4,16,256 (loggen: 4)")
    List<Integer> connections;
    @Option(names = "--sizes", split = ",", defaultValue = "100,500,2048",
        description = "message bytes on the wire without the newline (default: ${DEFAULT-VALUE})")
    List<Integer> sizes;
    @Option(names = "--clients", split = ",", defaultValue = "java,loggen", description = "default: ${DEFAULT-VALUE}")
    List<String> clients;
    @Option(names = "--duration", description = "measured seconds per run (e.g. 10s, 500ms); default 10s for max, "
        + "75s for half-load (its latency window is the last minute), 5s per matrix run")
    String duration;
    @Option(names = "--warmup", defaultValue = "2s", description = "unmeasured load before each run (${DEFAULT-VALUE})")
    String warmup;
    @Option(names = "--rate", defaultValue = "0", description = "half-load rate in events/s (default: half of max)")
    long rate;
    @Option(names = "--alert-reps", defaultValue = "3", description = "alert repetitions (${DEFAULT-VALUE})")
    int alertReps;
    @Option(names = "--server-jar", defaultValue = "server/target/sluice.jar")
    Path serverJar;
    @Option(names = "--server-java-opts", defaultValue = "-Xmx1g", description = "JVM options of the server "
        + "(${DEFAULT-VALUE})")
    String serverJavaOpts;
    @Option(names = "--pin-half-load", negatable = true,
        description = "half-load: server and client on disjoint CPUs (taskset); default: on with more than 2 CPUs "
            + "(on 2, the server would get one core at half of what it did on two)")
    Boolean pinHalfLoad;

    @Option(names = "--corpus", defaultValue = "../shared/corpora/loghub")
    Path corpus;
    @Option(names = "--peers", defaultValue = "../shared/tools/peers", description = "loggen harness")
    Path peers;
    @Option(names = "--results-dir", defaultValue = "bench-results")
    Path resultsDir;

    private final List<String> failures = new ArrayList<>();
    private boolean headerPrinted;

    public static void main(String[] args) {
        E2eBench bench = new E2eBench();
        CommandLine cli = new CommandLine(bench);
        bench.commandLine = System.getProperty("sluice.command", "E2eBench " + String.join(" ", args));
        System.exit(cli.execute(args));
    }

    private String commandLine = "E2eBench";

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(serverJar)) {
            System.err.println("e2e: no server jar at " + serverJar + " (build it: mvn -B -q -pl server -am package "
                + "-DskipTests)");
            return 2;
        }
        ResultsFile results = new ResultsFile(commandLine);
        LoadSamples samples = LoadSamples.load(corpus);
        results.note(samples.description());
        Duration warm = Durations.parse(warmup);
        Duration single = duration == null ? Duration.ofSeconds(10) : Durations.parse(duration);
        Duration perCell = duration == null ? DEFAULT_MATRIX_DURATION : single;
        results.note("each run: fresh server (" + serverJar + ", " + serverJavaOpts + "), " + warm.toMillis()
            + " ms warm-up with the same load (counted in sent/stored, not in rates), then the measured send; "
            + "rates = events stored in the measured phase / (send + drain seconds); stored = events read back from "
            + "the journal + dead letter after SIGTERM; journal latency = the server's receive -> journal gauge over "
            + "its last minute (warm-up included, except in half-load, which runs 75 s so that it is not)");
        SluiceProcess.Launch launch = new SluiceProcess.Launch(Path.of(System.getProperty("java.home"), "bin", "java"),
            serverJar, Arrays.stream(serverJavaOpts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        LoggenClient loggen = new LoggenClient(peers);
        CaseRunner runner = new CaseRunner(launch, samples, loggen, warm, resultsDir);
        List<String> wanted = scenarios.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();

        long halfRate = rate;
        if (wanted.contains("max") || (wanted.contains("half-load") && rate == 0)) {
            RunRecord max = measure(runner, MAX_CELL, 0, single, results);
            if (max != null) {
                results.addRun(max);
                halfRate = rate > 0 ? rate : Math.round(max.eventsPerSecond() / 2);
            }
        }
        if (wanted.contains("half-load") && halfRate > 0) {
            // The latency gauge covers the server's last minute (sliding in 10 s steps): measure for longer than
            // that, so start-up, JIT and the warm-up are out of the window the percentiles are read from.
            Duration halfLoad = duration == null ? HALF_LOAD_DURATION : single;
            int cpus = Runtime.getRuntime().availableProcessors();
            boolean pin = pinHalfLoad != null ? pinHalfLoad : cpus > 2;
            CpuSplit split = pin ? CpuSplit.of(cpus) : null;
            CaseRunner halfRunner = split == null ? runner
                : new CaseRunner(launch.pinnedTo(split.server()), samples, loggen, warm, resultsDir);
            if (split != null) {
                results.note("half-load: server pinned to CPUs " + split.server() + ", this client to CPUs "
                    + split.client() + " (taskset), so that the latency measured is the server's, not the time it "
                    + "waited for a CPU the client held");
                split.pinThisProcessToClient();
            }
            try {
                RunRecord half = measure(halfRunner, MAX_CELL, halfRate, halfLoad, results);
                if (half != null) {
                    results.halfLoad(halfRate, half);
                }
            } finally {
                if (split != null) {
                    split.unpinThisProcess();
                }
            }
            if (halfRunner != runner) {
                halfRunner.serverTrouble().stream().limit(10).forEach(t -> results.note("server log: " + t));
            }
        }
        if (wanted.contains("matrix")) {
            runMatrix(runner, loggen, perCell, results);
        }
        if (wanted.contains("alert")) {
            runAlert(launch, results);
        }
        runner.serverTrouble().stream().limit(10).forEach(t -> results.note("server log: " + t));
        failures.forEach(f -> results.note("FAILED: " + f));
        Path file = results.write(resultsDir);
        System.out.println();
        System.out.println("results: " + file);
        if (!failures.isEmpty()) {
            System.out.println("FAILED (" + failures.size() + "):");
            failures.forEach(f -> System.out.println("  " + f));
            return 1;
        }
        return 0;
    }

    private void runMatrix(CaseRunner runner, LoggenClient loggen, Duration perCell, ResultsFile results)
        throws InterruptedException {
        List<Client> clientList = new ArrayList<>(clients.stream()
            .map(c -> Client.valueOf(c.trim().toUpperCase(Locale.ROOT))).toList());
        if (clientList.contains(Client.LOGGEN) && !loggen.ensureInstalled()) {
            clientList.remove(Client.LOGGEN);
            results.note("loggen not available (setup.sh failed): loggen runs skipped");
        }
        List<Cell> cells = Matrix.expand(clientList, transports.stream().map(Transport::of).toList(),
            connections == null ? List.of(1, 4, 16, 256) : connections, sizes, connections != null);
        if (clientList.contains(Client.LOGGEN) && sizes.stream().anyMatch(s -> s < Matrix.LOGGEN_MIN_SIZE)) {
            results.note("loggen skipped below " + Matrix.LOGGEN_MIN_SIZE + " B: under its ~127-byte header it writes "
                + "messages with no newline between them (an unframeable stream for any syslog server)");
        }
        results.note("matrix: " + cells.size() + " runs of " + perCell.toMillis() + " ms measured each, a fresh "
            + "server per run (clean latency window and journal count; ~7 s of start/warm-up/stop overhead per run)"
            + (duration == null ? "; 5 s instead of 10 s per run keeps the default full matrix near 10 minutes" : ""));
        for (Cell cell : cells) {
            RunRecord run = measure(runner, cell, 0, perCell, results);
            if (run != null) {
                results.addRun(run);
            }
        }
    }

    private void runAlert(SluiceProcess.Launch launch, ResultsFile results) {
        try {
            List<Double> latencies = new AlertLatencyScenario(launch).run(alertReps);
            double median = AlertLatencyScenario.median(latencies);
            results.alert(AlertLatencyScenario.RULE_YAML.strip(), latencies, median);
            System.out.printf("%nalert: error burst -> firing: %s ms, median %.0f ms%n", latencies, median);
            if (latencies.stream().anyMatch(l -> !Double.isFinite(l))) {
                failures.add("alert: the alert did not fire within " + AlertLatencyScenario.TIMEOUT_MILLIS
                    + " ms in some repetitions: " + latencies);
            }
        } catch (Exception e) {
            failures.add("alert scenario: " + e);
        }
    }

    /** Runs one case, prints its row, records a failed stored == sent check; null if the run itself broke. */
    private RunRecord measure(CaseRunner runner, Cell cell, long targetRate, Duration d, ResultsFile results)
        throws InterruptedException {
        try {
            RunRecord run = runner.run(cell, targetRate, d);
            if (!headerPrinted) {
                System.out.println(RunRecord.tableHeader());
                headerPrinted = true;
            }
            System.out.println(run.tableRow());
            if (Boolean.FALSE.equals(run.storedEqualsSent())) {
                failures.add(run.label() + ": sent " + run.sent() + ", stored " + run.stored() + " (journal + "
                    + run.deadLettered() + " dead-lettered), lost " + run.lost() + "; rejected " + run.rejected()
                    + ", client errors " + run.errors());
            } else if (run.errors() > 0 || run.rejected() > 0) {
                results.note(run.label() + ": " + run.errors() + " client errors, " + run.rejected()
                    + " events refused by the server (not counted as sent)");
            }
            return run;
        } catch (Exception e) {
            failures.add(new RunRecord(cell.client().label(), cell.transport().label(), cell.connections(),
                cell.messageBytes(), 0, targetRate, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, 0, 0, 0, 0, 0).label()
                + ": run failed: " + e);
            System.err.println("run failed: " + cell + ": " + e);
            return null;
        }
    }
}
