package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.support.SluiceProcess;
import io.sluice.server.support.SyslogSender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar with a 256-slot ring and a sender as fast as a socket goes: the sender is slowed, nothing is dropped,
 * and memory stays bounded (nothing buffers without limit): peak heap in use and peak RSS are sampled while it runs.
 */
class BackpressureHeapIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LINES = 500_000;
    /**
     * Generous bound on the heap still live after collections (Micrometer's jvm_gc_live_data_size_bytes): the ring is
     * 256 slots; buffering the ~100 MB sent would show far above this. Heap "used" would count garbage too.
     */
    private static final long MAX_LIVE_HEAP = 128L * 1024 * 1024;
    private static final long MAX_RSS = 1024L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void shouldSlowTheSenderStoreEverythingAndKeepMemoryBounded() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.run(dataDir, "--ring-size", "256")) {
            int tcp = sluice.port("syslog-tcp");
            int http = sluice.port("http");
            HttpClient client = HttpClient.newHttpClient();
            AtomicLong peakHeap = new AtomicLong();
            AtomicBoolean sending = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sending.get()) {
                    peakHeap.accumulateAndGet(liveHeap(client, http), Math::max);
                    sleepQuietly();
                }
            });
            sampler.start();
            try (SyslogSender sender = new SyslogSender(tcp, false)) {
                for (int i = 0; i < LINES; i++) {
                    sender.send("<14>Nov 23 10:00:00 host app[1]: backpressure line " + i + " " + "z".repeat(40));
                }
            }
            long stored = waitForStored(client, http, LINES);
            sending.set(false);
            sampler.join();

            assertEquals(LINES, stored, "every line sent is stored");
            assertTrue(metric(scrape(client, http), "sluice_backpressure_pauses_total\\{transport=\"tcp\"\\}") > 0,
                "the socket was paused");
            assertTrue(peakHeap.get() < MAX_LIVE_HEAP, "peak live heap " + peakHeap.get());
            long rss = peakRss(sluice.pid());
            assertTrue(rss < MAX_RSS, "peak RSS " + rss);
            assertEquals(0, sluice.terminate());
        }
    }

    private static long waitForStored(HttpClient client, int port, long expected) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        long stored = -1;
        while (System.nanoTime() < deadline) {
            JsonNode stats = JSON.readTree(get(client, port, "/api/stats"));
            stored = stats.get("totals").get("stored").asLong();
            if (stored >= expected) {
                return stored;
            }
            Thread.sleep(100);
        }
        return stored;
    }

    private static long liveHeap(HttpClient client, int port) {
        try {
            return (long) metric(scrape(client, port), "jvm_gc_live_data_size_bytes");
        } catch (Exception e) {
            return 0;
        }
    }

    private static String scrape(HttpClient client, int port) throws Exception {
        return get(client, port, "/metrics");
    }

    private static String get(HttpClient client, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double metric(String body, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** VmHWM: the process's peak resident set, in bytes (Linux). */
    private static long peakRss(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
