package io.sluice.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * HTTP NDJSON load: keeps {@code concurrency} POSTs of {@code batch} events each in flight (HTTP/1.1 keep-alive, so
 * that many connections) for the duration, optionally paced to a fixed event rate. Request bodies are cut from the
 * {@link BodyPool} before the run. Every 200 is a durable acknowledgement, so the request latency includes the journal
 * append (and the fsync, when on); the events a 200 reports as {@code accepted} are what counts as sent. A refused
 * request (503 under backpressure, ...) is counted as rejected, not retried.
 *
 * <pre>java -cp bench/target/sluice-bench.jar io.sluice.bench.load.HttpNdjsonLoad URL SECONDS CONCURRENCY BATCH SIZE [RATE]</pre>
 */
public final class HttpNdjsonLoad {
    /** Events per POST unless told otherwise: what shippers such as Vector and Fluent Bit send by default. */
    public static final int DEFAULT_BATCH = 500;
    private static final int MAX_BODIES = 16;

    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    private HttpNdjsonLoad() {
    }

    /** Sends for {@code durationNanos}; {@code eventsPerSecond} 0 = as fast as the server answers. */
    public static LoadResult run(URI url, int concurrency, BodyPool pool, int batch, double eventsPerSecond,
                                 long durationNanos) throws InterruptedException {
        return new HttpNdjsonLoad().drive(url, concurrency, pool, batch, eventsPerSecond, durationNanos);
    }

    private LoadResult drive(URI url, int concurrency, BodyPool pool, int batch, double eventsPerSecond,
                             long durationNanos) throws InterruptedException {
        int bodyCount = Math.max(1, Math.min(MAX_BODIES, pool.lineCount() / batch));
        HttpRequest[] requests = new HttpRequest[bodyCount];
        for (int i = 0; i < bodyCount; i++) {
            requests[i] = HttpRequest.newBuilder(url).header("content-type", "application/x-ndjson")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(pool.slice(i * batch, batch))).build();
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(concurrency);
        Recorder latency = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong failures = new AtomicLong();

        long start = System.nanoTime();
        long end = start + durationNanos;
        Pacer pacer = new Pacer(eventsPerSecond / batch, start);
        long issued = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            if (issued >= pacer.due(now)) {
                LockSupport.parkNanos(100_000);
                continue;
            }
            if (!inFlight.tryAcquire(Math.max(1, end - now), TimeUnit.NANOSECONDS)) {
                break;
            }
            long sentAt = System.nanoTime();
            client.sendAsync(requests[(int) (issued++ % bodyCount)], HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> {
                    latency.recordValue(Math.max(1, (System.nanoTime() - sentAt) / 1000));
                    if (error != null) {
                        failures.incrementAndGet();
                    } else {
                        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                        if (response.statusCode() == 200) {
                            accepted.addAndGet(acceptedCount(response.body(), batch));
                        } else {
                            rejected.addAndGet(batch);
                        }
                    }
                    inFlight.release();
                });
        }
        inFlight.acquire(concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        // JDK 17's HttpClient cannot be closed: its idle connections go when the server stops or on GC
        return new LoadResult(accepted.get(), seconds, rejected.get(), failures.get(), latency.getIntervalHistogram());
    }

    /** {@code "accepted":N} from the answer; the batch size if the answer has none (an older server). */
    static long acceptedCount(String body, int batch) {
        int at = body == null ? -1 : body.indexOf("\"accepted\":");
        if (at < 0) {
            return batch;
        }
        int i = at + "\"accepted\":".length();
        long n = 0;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            n = n * 10 + (body.charAt(i++) - '0');
        }
        return n;
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/api/ingest");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_BATCH;
        int size = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        BodyPool pool = BodyPool.build(BodyPool.Format.NDJSON, size,
            LoadSamples.load(LoadSamples.DEFAULT_CORPUS).samples());
        HttpNdjsonLoad load = new HttpNdjsonLoad();
        LoadResult r = load.drive(url, concurrency, pool, batch, rate, TimeUnit.SECONDS.toNanos(seconds));
        Histogram h = r.ackLatencyUs();
        Map<Integer, Long> byStatus = new TreeMap<>();
        load.statuses.forEach((status, n) -> byStatus.put(status, n.sum()));
        System.out.printf("requests_per_s=%.0f events_per_s=%.0f ok_events=%d statuses=%s failures=%d batch=%d "
                + "size=%d concurrency=%d secs=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
            h.getTotalCount() / r.seconds(), r.sent() / r.seconds(), r.sent(), byStatus, r.errors(), batch, size,
            concurrency, r.seconds(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
        System.exit(0);
    }
}
