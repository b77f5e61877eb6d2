package io.sluice.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.sluice.core.LogEvent;
import java.util.List;

/**
 * Several consumers run one after the other on one ring thread. On a small machine a thread per analyzer costs more
 * in wake-ups and cache traffic than the analyzers' own work; fused, they share one wake-up per batch and read each
 * slot while it is hot in the cache. Every callback is forwarded to each handler, in order.
 *
 * <p>Thread contract: the handlers' own (each was written for a single consumer thread; fusing keeps that true).
 */
public final class FusedHandler implements EventHandler<LogEvent> {
    private final EventHandler<LogEvent>[] handlers;

    @SuppressWarnings("unchecked")
    public FusedHandler(List<? extends EventHandler<LogEvent>> handlers) {
        if (handlers.isEmpty()) {
            throw new IllegalArgumentException("nothing to fuse");
        }
        this.handlers = handlers.toArray(new EventHandler[0]);
    }

    @Override
    public void onEvent(LogEvent event, long sequence, boolean endOfBatch) throws Exception {
        for (EventHandler<LogEvent> handler : handlers) {
            handler.onEvent(event, sequence, endOfBatch);
        }
    }

    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
        for (EventHandler<LogEvent> handler : handlers) {
            handler.onBatchStart(batchSize, queueDepth);
        }
    }

    @Override
    public void onStart() {
        for (EventHandler<LogEvent> handler : handlers) {
            handler.onStart();
        }
    }

    @Override
    public void onShutdown() {
        for (EventHandler<LogEvent> handler : handlers) {
            handler.onShutdown();
        }
    }

    @Override
    public void onTimeout(long sequence) throws Exception {
        for (EventHandler<LogEvent> handler : handlers) {
            handler.onTimeout(sequence);
        }
    }
}
