package io.sluice.server.alerts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to one notifier, in order: read a batch at the cursor, POST it, move the cursor on a 2xx;
 * on a failure wait (exponential backoff) and send the same batch again. At most one request is in flight, so
 * a state change never overtakes the one before it. When more than {@code capacity} notifications for this
 * destination wait, the oldest are dropped (counted), which is what bounds the outbox; entries it skips (a webhook
 * skips re-sends) do not count.
 *
 * <p>Thread contract: every method runs on the outbox thread; HTTP completions are handed back to it. Nothing
 * here blocks: requests are asynchronous and retries are scheduled, never slept.
 */
final class Destination implements AutoCloseable {
    private final Notifier notifier;
    private final OutboxCursor cursor;
    private final HttpClient client;
    private final ScheduledExecutorService outboxThread;
    private final Duration requestTimeout;
    private final int capacity;
    private final Backoff backoff;
    private final FailureLog failureLog;
    private final DestinationMetrics metrics;
    /** Read, not yet acknowledged: the head is the oldest pending entry; the first {@code inFlight} are being sent. */
    private final ArrayDeque<OutboxEntry> batch = new ArrayDeque<>();
    private int inFlight;
    private boolean waiting;
    private boolean stopping;
    private boolean closed;
    /** Accepted entries not yet acknowledged (read or not): what {@code capacity} bounds. */
    private long pending;
    private CompletableFuture<?> request = CompletableFuture.completedFuture(null);

    Destination(Notifier notifier, OutboxCursor cursor, HttpClient client, ScheduledExecutorService outboxThread,
                NotifierSettings settings) {
        this.notifier = notifier;
        this.cursor = cursor;
        this.client = client;
        this.outboxThread = outboxThread;
        this.requestTimeout = settings.requestTimeout();
        this.capacity = settings.outboxCapacity();
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        this.failureLog = new FailureLog("alert notifications to " + notifier.name() + " (" + safeUrl() + ")",
            FailureLog.DEFAULT_INTERVAL_NANOS);
        this.metrics = new DestinationMetrics(notifier.name());
    }

    DestinationMetrics metrics() {
        return metrics;
    }

    /** Counts what an earlier run left unacknowledged and starts sending it. */
    void start() {
        pending = cursor.countAhead(notifier::accepts);
        trim();
        pump();
    }

    /** {@code record} was appended to the outbox: drop what no longer fits, send what is due. */
    void onAppended(AlertRecord record) {
        if (notifier.accepts(record)) {
            pending++;
        }
        trim();
        pump();
    }

    private void trim() {
        if (closed || inFlight > 0) {
            return; // the head is on the wire; trimmed when it comes back
        }
        while (pending > capacity) {
            fill();
            if (batch.isEmpty()) {
                break; // cannot happen while the count is right; never spin on it
            }
            batch.pollFirst(); // fill() leaves an accepted entry at the head
            cursor.commit(1);
            pending--;
            metrics.dropped.increment();
        }
        metrics.queued(pending);
    }

    /** Reads entries until the batch holds {@code maxBatch} accepted ones; skipped entries at the head are done. */
    private void fill() {
        while (!batch.isEmpty() && !notifier.accepts(batch.peekFirst().record())) {
            batch.pollFirst(); // the head was trimmed away and a skipped entry came first
            cursor.commit(1);
        }
        int accepted = 0;
        for (OutboxEntry e : batch) {
            accepted += notifier.accepts(e.record()) ? 1 : 0;
        }
        while (accepted < notifier.maxBatch()) {
            OutboxEntry entry = cursor.next();
            if (entry == null) {
                return;
            }
            boolean accepts = notifier.accepts(entry.record());
            if (!accepts && batch.isEmpty()) {
                cursor.commit(1);
                continue;
            }
            batch.addLast(entry);
            accepted += accepts ? 1 : 0;
        }
    }

    private void pump() {
        if (stopping || closed || waiting || inFlight > 0) {
            return;
        }
        fill();
        metrics.queued(pending);
        if (batch.isEmpty()) {
            return;
        }
        List<AlertRecord> records = new ArrayList<>(batch.size());
        for (OutboxEntry e : batch) {
            if (notifier.accepts(e.record())) {
                records.add(e.record());
            }
        }
        send(records, batch.size());
    }

    private void send(List<AlertRecord> records, int entries) {
        HttpRequest post;
        try {
            post = HttpRequest.newBuilder(notifier.endpoint()).timeout(requestTimeout)
                .header("Content-Type", "application/json").header("User-Agent", "sluice")
                .POST(HttpRequest.BodyPublishers.ofByteArray(notifier.body(records))).build();
        } catch (IOException | RuntimeException e) {
            onRefused(entries, records.size(), "could not build the request: " + e);
            return;
        }
        inFlight = entries;
        metrics.attempts.increment();
        request = client.sendAsync(post, HttpResponse.BodyHandlers.discarding())
            .whenComplete((response, error) -> onOutboxThread(() ->
                onResponse(response == null ? -1 : response.statusCode(), error, records.size())));
    }

    private void onResponse(int status, Throwable error, int alerts) {
        int entries = inFlight;
        inFlight = 0;
        if (closed) {
            return;
        }
        if (error == null && status >= 200 && status < 300) {
            metrics.delivered.add(alerts);
            acknowledge(entries);
            backoff.reset();
            failureLog.recovered();
        } else if (error == null && status >= 400 && status < 500 && status != 408 && status != 429) {
            onRefused(entries, alerts, "refused with HTTP " + status + ", " + alerts + " alert(s) dropped");
        } else {
            metrics.failures.increment();
            retryLater(error == null ? "HTTP " + status : error.toString());
            return;
        }
        trim();
        pump();
    }

    /** A 4xx (or a body that cannot be built) will not get better by retrying: give the batch up. */
    private void onRefused(int entries, int alerts, String why) {
        metrics.failures.increment();
        metrics.dropped.add(alerts);
        acknowledge(entries);
        backoff.reset();
        failureLog.failure(why);
    }

    private void acknowledge(int entries) {
        for (int i = 0; i < entries; i++) {
            OutboxEntry done = batch.pollFirst();
            if (done != null && notifier.accepts(done.record())) {
                pending--;
            }
        }
        cursor.commit(entries);
        metrics.queued(pending);
    }

    private void retryLater(String why) {
        waiting = true;
        long delay = backoff.nextDelayNanos();
        failureLog.failure(why + "; attempt " + backoff.failures() + ", retrying in "
            + TimeUnit.NANOSECONDS.toMillis(delay) + " ms");
        try {
            outboxThread.schedule(() -> guarded(() -> {
                waiting = false;
                trim();
                pump();
            }), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closing: the batch stays in the outbox for the next start
        }
    }

    private void onOutboxThread(Runnable task) {
        try {
            outboxThread.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            // closing: an unacknowledged batch is sent again after restart
        }
    }

    /** Executor tasks swallow exceptions silently: log them (rate-limited) instead of stalling unseen. */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            metrics.failures.increment();
            failureLog.failure("delivery step failed: " + e);
            LoggerFactory.getLogger(Destination.class).debug("delivery step failed", e);
        }
    }

    private String safeUrl() {
        java.net.URI u = notifier.endpoint();
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + u.getPath();
    }

    /**
     * Sends nothing more, so that a restart does not race a request of this run; the answer to the request in
     * flight (the returned future completes once it is handed to the outbox thread) is still taken into account.
     */
    CompletableFuture<?> stop() {
        stopping = true;
        return request;
    }

    /** Stops sending; what is unacknowledged stays in the outbox. Call on the outbox thread. */
    @Override
    public void close() {
        closed = true;
        cursor.close();
    }
}
