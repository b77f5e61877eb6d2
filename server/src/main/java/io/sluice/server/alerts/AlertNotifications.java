package io.sluice.server.alerts;

import io.sluice.alerts.Alert;
import io.sluice.alerts.AlertListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The alert engine's listener that records and notifies: every state change goes to the alert history
 * ({@code <dataDir>/alerts}), and firing/resolved alerts (with the engine's re-sends) go to the persistent
 * outbox ({@code <dataDir>/alert-outbox}) from which Alertmanager and each webhook are served.
 *
 * <p>Thread contract: {@link #onAlert} is called on the engine's thread and never blocks: it hands the alert to
 * the single outbox thread (at most {@link #MAX_HANDED_OVER} waiting; beyond that alerts are counted in
 * {@link AlertNotifierMetrics#listenerOverflow()} and lost), which owns every Chronicle queue and all delivery
 * state. {@code open} and {@code close} block briefly and belong to startup and shutdown.
 */
public final class AlertNotifications implements AlertListener, AutoCloseable {
    /** Alerts handed to the outbox thread and not yet stored: bounds the memory a stalled disk can take. */
    public static final int MAX_HANDED_OVER = 10_000;
    /** How long {@link #close} waits for requests in flight, so that their answers are not lost to a re-send. */
    public static final long CLOSE_GRACE_SECONDS = 5;

    private final ScheduledThreadPoolExecutor outboxThread;
    private final AlertHistory history;
    private final AlertOutbox outbox;
    private final AlertNotifierMetrics metrics;
    private final BoundedHandOver handOver;
    private final FailureLog storeFailures = new FailureLog("alert history/outbox", FailureLog.DEFAULT_INTERVAL_NANOS);
    private volatile boolean closed;
    /** Outbox thread only: set when the queues are closed (an alert racing close() is dropped, not an error). */
    private boolean queuesClosed;

    private AlertNotifications(ScheduledThreadPoolExecutor outboxThread, AlertHistory history, AlertOutbox outbox) {
        this.outboxThread = outboxThread;
        this.history = history;
        this.outbox = outbox;
        this.metrics = new AlertNotifierMetrics(outbox.metrics());
        this.handOver = new BoundedHandOver(outboxThread, MAX_HANDED_OVER, metrics.listenerOverflow);
    }

    /** As {@link #open(Path, NotifierSettings, HttpClient)} with an HTTP/1.1 client using the settings' timeouts. */
    public static AlertNotifications open(Path dataDir, NotifierSettings settings) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout()).build();
        return open(dataDir, settings, client);
    }

    /**
     * Opens (creating if needed) the history and outbox queues in {@code dataDir} and starts re-delivering what an
     * earlier run left unacknowledged.
     */
    public static AlertNotifications open(Path dataDir, NotifierSettings settings, HttpClient client) {
        return open(dataDir, settings, client, AlertOutbox.Cycles.DAILY);
    }

    static AlertNotifications open(Path dataDir, NotifierSettings settings, HttpClient client,
                                   AlertOutbox.Cycles cycles) {
        ScheduledThreadPoolExecutor thread = BoundedHandOver.ownerThread("sluice-alert-outbox");
        return BoundedHandOver.openOn(thread, () -> {
            AlertHistory history = AlertHistory.open(dataDir);
            try {
                AlertOutbox outbox = AlertOutbox.open(dataDir, notifiers(settings), client, thread, settings, cycles);
                AlertNotifications notifications = new AlertNotifications(thread, history, outbox);
                outbox.start();
                return notifications;
            } catch (RuntimeException e) {
                history.close();
                throw e;
            }
        }, "alert outbox");
    }

    static List<Notifier> notifiers(NotifierSettings settings) {
        List<Notifier> notifiers = new ArrayList<>();
        if (settings.alertmanagerUrl() != null) {
            notifiers.add(new AlertmanagerNotifier(settings.alertmanagerUrl(), settings.externalUrl()));
        }
        List<URI> webhooks = settings.webhookUrls();
        for (int i = 0; i < webhooks.size(); i++) {
            notifiers.add(new WebhookNotifier(webhooks.get(i), "webhook-" + (i + 1), settings.externalUrl(),
                settings.receiver()));
        }
        return notifiers;
    }

    @Override
    public void onAlert(Alert alert, boolean transition) {
        if (closed) {
            return;
        }
        AlertRecord record = new AlertRecord(RecordBytes.nanos(Instant.now()), transition, alert);
        handOver.offer(() -> store(record));
    }

    private void store(AlertRecord record) {
        if (queuesClosed) {
            return;
        }
        try {
            if (record.transition()) {
                history.append(record);
                metrics.historyRecords.increment();
            }
            if (record.notifiable()) {
                outbox.append(record);
            }
        } catch (RuntimeException e) {
            metrics.storeErrors.increment();
            storeFailures.failure("could not store alert " + record.alert().rule() + ": " + e);
        }
    }

    public AlertNotifierMetrics metrics() {
        return metrics;
    }

    /**
     * Stores what was handed over, stops sending, waits up to {@link #CLOSE_GRACE_SECONDS} for the answers to
     * requests in flight, and closes the queues; unacknowledged notifications stay in the outbox for the next
     * {@code open}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            CompletableFuture<Void> answered = outboxThread.submit(outbox::stop).get(10, TimeUnit.SECONDS);
            awaitQuietly(answered);
            outboxThread.submit(() -> {
                queuesClosed = true;
                try {
                    outbox.close();
                } finally {
                    history.close();
                }
            }).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("closing the alert outbox failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            outboxThread.shutdownNow();
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> answered) throws InterruptedException {
        try {
            answered.get(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a failed request is retried after restart; a hung one too
        }
    }
}
