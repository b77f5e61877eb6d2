package io.sluice.analyzers.stats;

import java.util.Set;

/**
 * What the analyzers know about the stream right now: the read side the HTTP API, the Prometheus gauges and the alert
 * engine query. Implemented by the analyzers (each writes on its own ring-consumer thread).
 *
 * <p>Thread contract: every method may be called from any thread at any time; values reflect the analyzers' state as
 * of their last processed batch (whole seconds for windowed values). Methods allocate (they return records and sets):
 * call them from the API edge or the alert engine, never from a ring consumer.
 */
public interface StreamStats {
    /**
     * Keys seen in the last {@link Window#FIFTEEN_MINUTES} for {@code dimension}, including {@code "other"} when the
     * cardinality cap was hit. A key that went silent stays listed (with zero rates) for that long, which is what lets
     * a "source gone silent" rule fire.
     */
    Set<String> keys(Dimension dimension);

    ErrorRate errorRate(Dimension dimension, String key, Window window);

    /** Latency per service (the only dimension latency is kept for). */
    LatencySummary latency(String service, Window window);

    Throughput throughput(Dimension dimension, String key, Window window);
}
