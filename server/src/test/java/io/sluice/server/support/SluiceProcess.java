package io.sluice.server.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real jar ({@code server/target/sluice.jar}, built by the package phase before failsafe runs) as a separate
 * process, the way a user does, and reads the ports it bound from its {@code listening ...} line.
 */
public final class SluiceProcess implements AutoCloseable {
    private static final List<String> JVM_FLAGS = List.of(
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
        "-Dchronicle.announcer.disable=true", "-Xmx512m");

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Map<String, Integer>> ports = new CompletableFuture<>();

    private SluiceProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "sluice-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code sluice run} on free ports on 127.0.0.1 with the given data dir and extra arguments. */
    public static SluiceProcess run(Path dataDir, String... extraArgs) throws IOException {
        List<String> command = command("run", "--data-dir", dataDir.toString(), "--bind", "127.0.0.1",
            "--syslog-tcp-port", "0", "--syslog-udp-port", "0", "--http-port", "0");
        command.addAll(List.of(extraArgs));
        return new SluiceProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Runs a one-shot command ({@code replay ...}) to completion and returns its stdout lines. */
    public static List<String> runToCompletion(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "command did not finish");
        if (p.exitValue() != 0) {
            throw new IllegalStateException("sluice " + String.join(" ", args) + " exited " + p.exitValue());
        }
        return lines;
    }

    private static List<String> command(String... args) {
        Path jar = jar();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_FLAGS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    private static Path jar() {
        Path root = Path.of(System.getProperty("sluice.root", ".."));
        Path jar = root.resolve("server/target/sluice.jar");
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("target/sluice.jar");
        }
        assertTrue(Files.isRegularFile(jar), "runnable jar not built: " + jar.toAbsolutePath());
        return jar;
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
                if (line.startsWith("listening ")) {
                    ports.complete(parseListening(line));
                }
            }
        } catch (IOException e) {
            ports.completeExceptionally(e);
        }
        ports.completeExceptionally(new IllegalStateException("sluice exited before listening: " + output));
    }

    static Map<String, Integer> parseListening(String line) {
        Map<String, Integer> result = new HashMap<>();
        for (String part : line.substring("listening ".length()).split(" ")) {
            int eq = part.indexOf('=');
            result.put(part.substring(0, eq), Integer.parseInt(part.substring(part.lastIndexOf(':') + 1)));
        }
        return result;
    }

    /** Port of a listener named in the {@code listening} line, waiting up to 60 s for startup. */
    public int port(String listener) throws Exception {
        Integer port = ports.get(60, TimeUnit.SECONDS).get(listener);
        if (port == null) {
            throw new IllegalStateException("no listener " + listener + " in " + output);
        }
        return port;
    }

    /** Sends SIGTERM and waits for exit; returns the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy(); // SIGTERM on Unix
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("sluice did not stop within 60 s of SIGTERM: " + output);
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no drain, no flush; what survives is what the journal already held. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
