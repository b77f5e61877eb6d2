package io.sluice.server.security;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One subscriber's delivery state. A resuming subscriber is registered first and replayed second: live versions
 * arriving while the replay reads the queue are buffered (at most {@link #MAX_BUFFERED}) and delivered after it,
 * skipping those the replay already delivered. That closes the gap between "read the queue" and "listen" without
 * holding the store's thread during the replay.
 *
 * <p>Thread contract: {@link #live} on the store's thread, {@link #replayed} and {@link #endReplay} on the replay
 * thread, {@link #close} and {@link #end} anywhere; all synchronized, and the subscriber is called inside the lock,
 * so that its calls never overlap and stay in version order.
 */
public final class AnomalySubscription implements AutoCloseable {
    /** Live versions held for one subscriber while its replay runs: beyond that it is ended (it may resume). */
    static final int MAX_BUFFERED = 10_000;

    private final AnomalySubscriber subscriber;
    private final Consumer<AnomalySubscription> onClose;
    private final ArrayDeque<AnomalyRecord> buffered = new ArrayDeque<>();
    private long lastDelivered;
    private boolean replaying = true;
    private boolean ended;

    AnomalySubscription(AnomalySubscriber subscriber, long afterVersion, Consumer<AnomalySubscription> onClose) {
        this.subscriber = subscriber;
        this.lastDelivered = afterVersion;
        this.onClose = onClose;
    }

    /** A version just stored. False once this subscription has ended (the store then drops it). */
    synchronized boolean live(AnomalyRecord record) {
        if (ended) {
            return false;
        }
        if (replaying) {
            if (buffered.size() >= MAX_BUFFERED) {
                end("fell more than " + MAX_BUFFERED + " versions behind while replaying; resume with Last-Event-ID");
                return false;
            }
            buffered.add(record);
        } else {
            deliver(record);
        }
        return true;
    }

    /** A version read from the queue by the replay. False once ended (the replay stops). */
    synchronized boolean replayed(AnomalyRecord record) {
        if (ended) {
            return false;
        }
        deliver(record);
        return true;
    }

    /** The replay reached the end of the queue: deliver what arrived meanwhile and go live. */
    synchronized void endReplay() {
        while (!ended && !buffered.isEmpty()) {
            deliver(buffered.poll());
        }
        replaying = false;
    }

    private void deliver(AnomalyRecord record) {
        if (record.version() > lastDelivered) {
            lastDelivered = record.version();
            subscriber.onVersion(record);
        }
    }

    /** Ends the subscription with {@code reason} told to the subscriber (store closing, replay failed). */
    synchronized void end(String reason) {
        if (!ended) {
            ended = true;
            buffered.clear();
            subscriber.onEnd(reason);
        }
    }

    synchronized boolean ended() {
        return ended;
    }

    /** Stops deliveries (the client went away); the subscriber is not told. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            buffered.clear();
        }
        onClose.accept(this);
    }
}
