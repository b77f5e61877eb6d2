package io.sluice.bench.e2e;

import io.sluice.bench.load.LoadResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * syslog-ng's {@code loggen} through the shared peers harness ({@code bench-endpoint.sh}): the same client and
 * settings the rsyslog / syslog-ng comparison uses (BSD framing, unthrottled, TCP), so its numbers line up with
 * that table. Its bodies are loggen's own synthetic text, not the corpus.
 */
public final class LoggenClient {
    static final Path LOGGEN = Path.of("/tmp/sng/root/usr/bin/loggen");
    private static final Pattern SENT = Pattern.compile("sent=(\\d+) secs=([0-9.]+)");

    private final Path peers;

    public LoggenClient(Path peers) {
        this.peers = peers;
    }

    /** Installs loggen with the harness's setup.sh if it is missing; false (and why, on stderr) if that fails. */
    public boolean ensureInstalled() throws InterruptedException {
        if (Files.isExecutable(LOGGEN)) {
            return true;
        }
        try {
            Process setup = new ProcessBuilder("bash", peers.resolve("setup.sh").toString()).inheritIO().start();
            return setup.waitFor() == 0 && Files.isExecutable(LOGGEN);
        } catch (IOException e) {
            System.err.println("loggen setup failed: " + e.getMessage());
            return false;
        }
    }

    /** Runs loggen for whole {@code seconds} (loggen's interval is in seconds) and reports what it wrote. */
    public LoadResult run(InetSocketAddress target, int seconds, int connections, int messageBytes)
        throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", peers.resolve("bench-endpoint.sh").toString(),
            target.getHostString(), Integer.toString(target.getPort()), Integer.toString(Math.max(1, seconds)),
            Integer.toString(connections), Integer.toString(messageBytes), "bsd", "tcp")
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int rc = p.waitFor();
        Matcher m = SENT.matcher(out);
        if (rc != 0 || !m.find()) {
            throw new IOException("loggen failed (rc " + rc + "): " + out.trim());
        }
        return new LoadResult(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), 0, 0, null);
    }
}
