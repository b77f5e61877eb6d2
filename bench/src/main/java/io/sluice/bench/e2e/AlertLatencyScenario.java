package io.sluice.bench.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ingest -> alert latency: a server with one fast-burn rule ({@link #RULE_YAML}: error rate of service
 * {@code checkout} over 10 s above 5 %, {@code for: 0s}) gets steady, healthy {@code checkout} traffic over TCP
 * ({@link #STEADY_RATE}/s for {@link #STEADY_MILLIS} ms), then a burst of {@link #BURST_EVENTS} severity-err lines
 * in one write. The latency runs from just before that write to the first {@code GET /api/alerts} (polled every
 * {@link #POLL_MILLIS} ms) that shows the alert {@code firing}; it includes the server's analyzer window update and
 * its alert evaluation interval (250 ms by default), as a user would see it. Fresh server per repetition.
 */
public final class AlertLatencyScenario {
    public static final String RULE_NAME = "E2eErrorBurst";
    public static final String RULE_YAML = """
        alerts:
          rules:
            - name: E2eErrorBurst
              expr: error_rate(service=checkout, window=10s) > 0.05
              for: 0s
              severity: P1
        """;
    static final int STEADY_RATE = 2_000;
    static final long STEADY_MILLIS = 3_000;
    static final int BURST_EVENTS = 1_000;
    static final long POLL_MILLIS = 10;
    static final long TIMEOUT_MILLIS = 15_000;
    private static final byte[] NORMAL = ("<14>Nov 23 10:00:00 web01 checkout[4242]: GET /api/cart 200 "
        + "duration=12ms user=u17\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = ("<11>Nov 23 10:00:00 web01 checkout[4242]: POST /api/pay 500 payment "
        + "backend unavailable duration=3ms\n").getBytes(StandardCharsets.US_ASCII);

    private final SluiceProcess.Launch launch;

    public AlertLatencyScenario(SluiceProcess.Launch launch) {
        this.launch = launch;
    }

    /** Latencies in ms, one per repetition; NaN for a repetition whose alert never fired within the timeout. */
    public List<Double> run(int repetitions) throws IOException, InterruptedException {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            latencies.add(once());
        }
        return latencies;
    }

    private double once() throws IOException, InterruptedException {
        SluiceProcess server = SluiceProcess.start(launch, RULE_YAML);
        AtomicBoolean stop = new AtomicBoolean();
        try (Socket socket = new Socket(server.tcp().getAddress(), server.tcp().getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            Thread steady = new Thread(() -> steady(out, stop), "alert-steady");
            steady.start();
            Thread.sleep(STEADY_MILLIS);
            if (firing(server)) {
                throw new IOException("alert " + RULE_NAME + " fired on healthy traffic");
            }
            byte[] burst = new byte[ERROR.length * BURST_EVENTS];
            for (int i = 0; i < BURST_EVENTS; i++) {
                System.arraycopy(ERROR, 0, burst, i * ERROR.length, ERROR.length);
            }
            long burstAt;
            synchronized (out) {
                burstAt = System.nanoTime();
                out.write(burst);
                out.flush();
            }
            long deadline = burstAt + TIMEOUT_MILLIS * 1_000_000L;
            while (System.nanoTime() < deadline) {
                if (firing(server)) {
                    return (System.nanoTime() - burstAt) / 1e6;
                }
                Thread.sleep(POLL_MILLIS);
            }
            return Double.NaN;
        } finally {
            stop.set(true);
            server.close();
            server.deleteFiles();
        }
    }

    private static boolean firing(SluiceProcess server) throws IOException, InterruptedException {
        String alerts = server.get("/api/alerts");
        return alerts.contains(RULE_NAME) && alerts.contains("\"state\":\"firing\"");
    }

    /** Healthy lines, {@link #STEADY_RATE}/s in 10 ms steps, until told to stop or the socket closes. */
    private static void steady(OutputStream out, AtomicBoolean stop) {
        int perTick = STEADY_RATE / 100;
        byte[] tick = new byte[NORMAL.length * perTick];
        for (int i = 0; i < perTick; i++) {
            System.arraycopy(NORMAL, 0, tick, i * NORMAL.length, NORMAL.length);
        }
        long next = System.nanoTime();
        try {
            while (!stop.get()) {
                synchronized (out) {
                    out.write(tick);
                    out.flush();
                }
                next += 10_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
            }
        } catch (IOException | InterruptedException e) {
            // the socket closed at the end of the repetition
        }
    }

    /** The median of the finite latencies; NaN if there are none. */
    public static double median(List<Double> latencies) {
        List<Double> sorted = latencies.stream().filter(Double::isFinite).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
