package io.sluice.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * HTTP NDJSON load: keeps {@code concurrency} POSTs of {@code batch} events each in flight for {@code seconds},
 * then prints one line with requests/s, events/s acknowledged (200 only) and request latency percentiles. Every 200
 * is a durable acknowledgement, so the latency includes the journal append (and the fsync, when on).
 *
 * <pre>java -cp bench/target/sluice-bench.jar io.sluice.bench.load.HttpNdjsonLoad URL SECONDS CONCURRENCY BATCH SIZE</pre>
 */
public final class HttpNdjsonLoad {
    private HttpNdjsonLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/api/ingest");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int size = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        byte[] body = body(batch, size);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(concurrency);
        Recorder latency = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        HttpRequest request = HttpRequest.newBuilder(url).header("content-type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            inFlight.acquire();
            long sent = System.nanoTime();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                if (error != null) {
                    failures.incrementAndGet();
                } else {
                    statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double elapsed = (System.nanoTime() - start) / 1e9;
        var histogram = latency.getIntervalHistogram();
        long ok = statuses.getOrDefault(200, new LongAdder()).sum();
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, n) -> byStatus.put(status, n.sum()));
        System.out.printf("requests_per_s=%.0f events_per_s=%.0f ok=%d statuses=%s failures=%d batch=%d size=%d "
                + "concurrency=%d secs=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
            histogram.getTotalCount() / elapsed, ok * batch / elapsed, ok, byStatus, failures.get(), batch, size,
            concurrency, elapsed, histogram.getValueAtPercentile(50) / 1000.0,
            histogram.getValueAtPercentile(90) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
            histogram.getMaxValue() / 1000.0);
        System.exit(0);
    }

    private static byte[] body(int batch, int size) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < batch; i++) {
            String prefix = "{\"timestamp\":\"2026-11-23T10:00:00.000Z\",\"level\":\"info\",\"service\":\"load\","
                + "\"host\":\"bench\",\"request_id\":" + i + ",\"message\":\"";
            int pad = Math.max(1, size - prefix.length() - 3);
            sb.append(prefix).append("x".repeat(pad)).append("\"}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
