package io.sluice.server.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}) on 127.0.0.1 with a free port, no
 * clustering, storage in a temp dir and a config whose only receiver discards. Its output goes to a log file there.
 */
final class AlertmanagerProcess implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static final String CONFIG = "route:\n  receiver: discard\nreceivers:\n  - name: discard\n";

    private final Process process;
    private final URI url;
    private final Path log;

    private AlertmanagerProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts Alertmanager and waits until {@code /-/ready} answers 200. */
    static AlertmanagerProcess start(Path dir) throws IOException, InterruptedException {
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
        Path storage = Files.createDirectories(dir.resolve("storage"));
        Path log = dir.resolve("alertmanager.log");
        int port = TestAlerts.freePort();
        Process process = new ProcessBuilder(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port,
            "--cluster.listen-address=", "--storage.path=" + storage, "--config.file=" + config)
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerProcess am = new AlertmanagerProcess(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            am.awaitReady(Duration.ofSeconds(30));
            return am;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            am.close();
            throw e;
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("alertmanager exited with " + process.exitValue() + ": " + log());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(url.resolve("/-/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("alertmanager not ready after " + timeout + ": " + log());
    }

    URI url() {
        return url;
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
