package io.sluice.server.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A Server-Sent Events client over the JDK HttpClient: parses frames on its own thread into a queue. */
final class SseClient implements AutoCloseable {
    /** One event as the client sees it; {@code receivedNanos} is when its blank line arrived. */
    record Event(long id, String type, String data, long receivedNanos) {
    }

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final AtomicInteger comments = new AtomicInteger();
    final HttpResponse<InputStream> response;
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to {@code path}; {@code lastEventId} null sends no header. */
    static SseClient connect(HttpClient http, int port, String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
            StandardCharsets.UTF_8))) {
            long id = -1;
            String type = null;
            String data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, type, data, System.nanoTime()));
                    }
                    id = -1;
                    type = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
        } catch (IOException e) {
            // closed by the test or the server
        }
    }

    /** The next event, or null after {@code millis}. */
    Event next(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
