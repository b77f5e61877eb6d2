package io.sluice.server.security;

import io.sluice.analyzers.security.Anomaly;

/**
 * One stored version of an anomaly: what the {@code anomalies} queue holds, the SSE stream sends and
 * {@code sluice replay --queue anomalies} prints.
 *
 * @param version         the store-wide version sequence (1, 2, 3 ...; the SSE event id): increases with every
 *                        version stored, across restarts, so a client resumes after the last one it saw
 * @param recordedAtNanos epoch nanos when the store received it
 * @param anomaly         the anomaly as of this version
 */
public record AnomalyRecord(long version, long recordedAtNanos, Anomaly anomaly) {
    public AnomalyRecord {
        if (version < 1 || anomaly == null) {
            throw new IllegalArgumentException("version >= 1 and an anomaly are required");
        }
    }
}
