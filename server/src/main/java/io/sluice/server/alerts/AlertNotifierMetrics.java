package io.sluice.server.alerts;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * The notification pipeline's counters: per destination (tag {@code destination}) and for the listener and stores.
 * {@link #bindTo} registers them as Micrometer function counters and gauges, read only when scraped:
 * {@code sluice_alert_notifications_{attempts,failures,delivered,dropped}_total},
 * {@code sluice_alert_notifications_queued}, {@code sluice_alert_listener_overflow_total},
 * {@code sluice_alert_history_records_total}, {@code sluice_alert_store_errors_total}.
 *
 * <p>Thread contract: counters are written on the engine and outbox threads and read from any thread.
 */
public final class AlertNotifierMetrics implements MeterBinder {
    final LongAdder listenerOverflow = new LongAdder();
    final LongAdder historyRecords = new LongAdder();
    final LongAdder storeErrors = new LongAdder();
    private final List<DestinationMetrics> destinations;

    AlertNotifierMetrics(List<DestinationMetrics> destinations) {
        this.destinations = List.copyOf(destinations);
    }

    public List<DestinationMetrics> destinations() {
        return destinations;
    }

    /** Alerts the engine handed over while the outbox thread was {@code MAX_HANDED_OVER} alerts behind: lost. */
    public long listenerOverflow() {
        return listenerOverflow.sum();
    }

    /** Transitions written to the alert history. */
    public long historyRecords() {
        return historyRecords.sum();
    }

    /** Failed writes to the history or outbox queues (e.g. disk full). */
    public long storeErrors() {
        return storeErrors.sum();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DestinationMetrics d : destinations) {
            destinationCounter(registry, d, "sluice.alert.notifications.attempts", "Notification requests sent",
                DestinationMetrics::attempts);
            destinationCounter(registry, d, "sluice.alert.notifications.failures",
                "Notification requests that failed (connection error, timeout, non-2xx answer)",
                DestinationMetrics::failures);
            destinationCounter(registry, d, "sluice.alert.notifications.delivered",
                "Alert notifications acknowledged by the destination", DestinationMetrics::delivered);
            destinationCounter(registry, d, "sluice.alert.notifications.dropped",
                "Alert notifications given up (outbox full, or refused with a 4xx)", DestinationMetrics::dropped);
            Gauge.builder("sluice.alert.notifications.queued", d, DestinationMetrics::queued)
                .description("Outbox entries waiting for this destination").tag("destination", d.destination())
                .register(registry);
        }
        FunctionCounter.builder("sluice.alert.listener.overflow", this, AlertNotifierMetrics::listenerOverflow)
            .description("Alerts lost before the outbox because its thread was too far behind").register(registry);
        FunctionCounter.builder("sluice.alert.history.records", this, AlertNotifierMetrics::historyRecords)
            .description("Alert state changes written to the alert history").register(registry);
        FunctionCounter.builder("sluice.alert.store.errors", this, AlertNotifierMetrics::storeErrors)
            .description("Failed writes to the alert history or outbox queues").register(registry);
    }

    private static void destinationCounter(MeterRegistry registry, DestinationMetrics d, String name, String help,
                                           ToDoubleFunction<DestinationMetrics> value) {
        FunctionCounter.builder(name, d, value).description(help).tag("destination", d.destination())
            .register(registry);
    }
}
