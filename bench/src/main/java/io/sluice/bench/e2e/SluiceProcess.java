package io.sluice.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test as a child process: the real jar, a fresh data dir, every port chosen by the kernel (read
 * back from its {@code listening ...} line), bound to 127.0.0.1. Reads its CPU time and peak RSS from {@code /proc},
 * its counters over HTTP, and stops it with SIGTERM (a graceful shutdown that flushes the journal).
 */
public final class SluiceProcess implements AutoCloseable {
    /** What Chronicle Queue needs opened, and no phoning home (see the launcher). */
    public static final List<String> CHRONICLE_FLAGS = List.of(
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
        "-Dchronicle.announcer.disable=true");
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern PORT = Pattern.compile("(syslog-tcp|syslog-udp|http)=[^ :]+:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TROUBLE = Pattern.compile("\\[(WARN|ERROR)]|\\.[A-Za-z]+(Exception|Error)\\b");
    private static final long CLOCK_TICKS = clockTicks();
    /** Servers not yet stopped: killed (and their data dirs removed) if the benchmark itself is interrupted. */
    private static final java.util.Set<SluiceProcess> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (SluiceProcess server : LIVE) {
                server.process.destroyForcibly();
                try {
                    server.process.waitFor(10, TimeUnit.SECONDS);
                    server.deleteFiles();
                } catch (IOException | InterruptedException e) {
                    System.err.println("could not clean up " + server.workDir + ": " + e);
                }
            }
        }, "e2e-cleanup"));
    }

    /** How to start the server: the java binary, the jar, extra JVM options (e.g. -Xmx1g). */
    public record Launch(Path java, Path jar, List<String> jvmOptions, List<String> commandPrefix) {
        public Launch(Path java, Path jar, List<String> jvmOptions) {
            this(java, jar, jvmOptions, List.of());
        }

        /** The same launch on the CPUs {@code cpus} only ({@code taskset -c}, which execs: the pid stays Java's). */
        public Launch pinnedTo(String cpus) {
            return new Launch(java, jar, jvmOptions, List.of("taskset", "-c", cpus));
        }
    }

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private int tcpPort;
    private int udpPort;
    private int httpPort;

    private SluiceProcess(Process process, Path workDir, Path log) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
    }

    /** Starts the server with a fresh data dir under a new temp dir, and waits until it listens. */
    public static SluiceProcess start(Launch launch, String configYaml) throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory("sluice-e2e-");
        Path log = workDir.resolve("server.log");
        List<String> command = new ArrayList<>(launch.commandPrefix());
        command.add(launch.java().toString());
        command.addAll(CHRONICLE_FLAGS);
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", launch.jar().toString(), "run", "--data-dir", dataDir(workDir).toString(),
            "--bind", "127.0.0.1", "--syslog-tcp-port", "0", "--syslog-udp-port", "0", "--syslog-tls-port", "0",
            "--http-port", "0"));
        if (configYaml != null) {
            Path config = workDir.resolve("sluice.yaml");
            Files.writeString(config, configYaml);
            command.addAll(List.of("--config", config.toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SluiceProcess server = new SluiceProcess(process, workDir, log);
        LIVE.add(server);
        try {
            server.awaitListening();
        } catch (IOException | RuntimeException e) {
            server.close();
            server.deleteFiles();
            throw e;
        }
        return server;
    }

    private static Path dataDir(Path workDir) {
        return workDir.resolve("data");
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("listening")) {
                    Matcher m = PORT.matcher(line);
                    while (m.find()) {
                        int port = Integer.parseInt(m.group(2));
                        switch (m.group(1)) {
                            case "syslog-tcp" -> tcpPort = port;
                            case "syslog-udp" -> udpPort = port;
                            default -> httpPort = port;
                        }
                    }
                    return;
                }
            }
            if (!process.isAlive()) {
                throw new IOException("sluice exited with " + process.exitValue() + " before listening:\n" + logTail());
            }
            Thread.sleep(50);
        }
        throw new IOException("sluice did not print 'listening' within " + START_TIMEOUT + ":\n" + logTail());
    }

    /** The last lines of the server's output, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Lines of the server's output that are warnings, errors or name a Java exception / error class, without their
     * timestamps (so repeats collapse) and without stack frames. A healthy run has none.
     */
    public List<String> troubleLines() throws IOException {
        return Files.readAllLines(log).stream()
            .filter(l -> TROUBLE.matcher(l).find() && !l.startsWith("\tat "))
            .filter(l -> !l.contains(" alerts - alert ")) // alert state changes on the corpus are the product working
            .map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z ", "").trim())
            .filter(l -> !l.isEmpty()).distinct().toList();
    }

    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Events stored so far (journal + dead letter), from {@code /api/stats}. */
    public long stored() throws IOException, InterruptedException {
        JsonNode totals = JSON.readTree(get("/api/stats")).path("totals");
        return totals.path("stored").asLong() + totals.path("deadLettered").asLong();
    }

    /** How a drain ended: the stored count and when it last changed. */
    public record Drain(long stored, long lastChangeNanos) {
    }

    /**
     * Polls the stored count until it reaches {@code expected} (when > 0) or has not moved for {@code quiet}; the
     * time of the last change tells how long the server took to catch up after the sender stopped.
     */
    public Drain awaitStored(long expected, Duration quiet, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long last = stored();
        long changedAt = start;
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (expected > 0 && last >= expected) {
                return new Drain(last, changedAt);
            }
            Thread.sleep(20);
            long now = stored();
            if (now != last) {
                last = now;
                changedAt = System.nanoTime();
            } else if (System.nanoTime() - changedAt > quiet.toNanos()) {
                return new Drain(last, changedAt);
            }
        }
        return new Drain(last, changedAt);
    }

    /** User + system CPU seconds the server has used so far. */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS; // utime, stime (fields 14, 15)
    }

    /** Peak resident set size (VmHWM) in bytes; it includes the journal's mapped file pages the server touched. */
    public long rssPeakBytes() throws IOException {
        return statusBytes("VmHWM:");
    }

    /** Anonymous resident memory now (RssAnon: heap, direct buffers, stacks), without mapped files. */
    public long rssAnonBytes() throws IOException {
        return statusBytes("RssAnon:");
    }

    private long statusBytes(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    /**
     * UDP datagrams the kernel dropped for want of receive-buffer space, machine-wide ({@code RcvbufErrors} in
     * {@code /proc/net/snmp}; per-socket drops are not exposed on every kernel): take a delta around a run.
     */
    public static long kernelUdpReceiveBufferErrors() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp")).stream()
            .filter(l -> l.startsWith("Udp:")).toList();
        if (lines.size() < 2) {
            return 0;
        }
        List<String> names = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        int at = names.indexOf("RcvbufErrors");
        return at < 0 || at >= values.length ? 0 : Long.parseLong(values[at]);
    }

    public InetSocketAddress tcp() {
        return new InetSocketAddress("127.0.0.1", tcpPort);
    }

    public InetSocketAddress udp() {
        return new InetSocketAddress("127.0.0.1", udpPort);
    }

    public URI ingestUrl() {
        return URI.create("http://127.0.0.1:" + httpPort + "/api/ingest");
    }

    public Path dataDir() {
        return dataDir(workDir);
    }

    /** The server's stdout and stderr. */
    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, then wait; SIGKILL only if it hangs (and say so in the exit code: -1). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Whether the server process still runs (a crash or an OOM kill ends it early). */
    public boolean alive() {
        return process.isAlive();
    }

    /** The first line of the log that says the server ran out of memory, or null. */
    public String outOfMemory() {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains("OutOfMemoryError")).findFirst()
                .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes the data dir and the log (after {@link #close}). */
    public void deleteFiles() throws IOException {
        LIVE.remove(this);
        Files.walk(workDir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
