package io.sluice.analyzers.counts;

import java.util.Map;

/**
 * Counts as the API shows them.
 *
 * @param total              events counted since start
 * @param perTransport       by transport label ("tcp", ...)
 * @param perSeverity        by severity keyword ("err", ..., "unknown")
 * @param perApp             by app-name ("-" for none, "other" past the key cap)
 * @param eventsPerSecond    average over the last {@code rateWindowSeconds} whole seconds
 * @param rateWindowSeconds  length of that window
 */
public record CountsSnapshot(long total, Map<String, Long> perTransport, Map<String, Long> perSeverity,
                             Map<String, Long> perApp, double eventsPerSecond, int rateWindowSeconds) {
}
