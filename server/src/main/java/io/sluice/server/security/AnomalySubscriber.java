package io.sluice.server.security;

/**
 * A live reader of the anomaly store (an SSE client): receives every version after the one it resumed from, in
 * version order, each exactly once.
 *
 * <p>Thread contract: called on the store's thread or its replay thread, never both at once; must not block (hand
 * over to an event loop and return).
 */
public interface AnomalySubscriber {
    void onVersion(AnomalyRecord record);

    /** The store stopped serving this subscriber (it fell too far behind, or the store closed); no more calls. */
    void onEnd(String reason);
}
