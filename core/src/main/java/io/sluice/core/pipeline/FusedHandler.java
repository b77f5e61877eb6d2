package io.sluice.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.sluice.core.LogEvent;
import java.util.Arrays;
import java.util.List;

/**
 * Several consumers run one after the other on one ring thread. On a small machine a thread per analyzer costs more
 * in wake-ups and cache traffic than the analyzers' own work; fused, they share one wake-up per batch and read each
 * slot while it is hot in the cache. Every callback is forwarded to each handler, in order.
 *
 * <p>Thread contract: the handlers' own (each was written for a single consumer thread; fusing keeps that true).
 */
public final class FusedHandler implements EventHandler<LogEvent> {
    /** Handlers called per event from call sites of their own; the rest share the loop's. */
    private static final int UNROLLED = 6;
    /** Fills the unrolled sites that have no handler. */
    private static final EventHandler<LogEvent> NONE = (event, sequence, endOfBatch) -> { };

    private final EventHandler<LogEvent>[] handlers;
    // One call site per handler: a site that only ever sees one handler class is a direct call the JIT can inline,
    // where one loop over all of them is an interface dispatch per handler per event (an itable stub took ~5 % of
    // the single ring thread). One fused handler runs per layout, so each site sees one class.
    private final EventHandler<LogEvent> first;
    private final EventHandler<LogEvent> second;
    private final EventHandler<LogEvent> third;
    private final EventHandler<LogEvent> fourth;
    private final EventHandler<LogEvent> fifth;
    private final EventHandler<LogEvent> sixth;
    private final EventHandler<LogEvent>[] rest;

    @SuppressWarnings("unchecked")
    public FusedHandler(List<? extends EventHandler<LogEvent>> handlers) {
        if (handlers.isEmpty()) {
            throw new IllegalArgumentException("nothing to fuse");
        }
        this.handlers = handlers.toArray(new EventHandler[0]);
        EventHandler<LogEvent>[] sites = new EventHandler[UNROLLED];
        for (int i = 0; i < UNROLLED; i++) {
            sites[i] = i < this.handlers.length ? this.handlers[i] : NONE;
        }
        first = sites[0];
        second = sites[1];
        third = sites[2];
        fourth = sites[3];
        fifth = sites[4];
        sixth = sites[5];
        rest = this.handlers.length > UNROLLED
            ? Arrays.copyOfRange(this.handlers, UNROLLED, this.handlers.length) : new EventHandler[0];
    }

    @Override
    public void onEvent(LogEvent event, long sequence, boolean endOfBatch) throws Exception {
        first.onEvent(event, sequence, endOfBatch);
        second.onEvent(event, sequence, endOfBatch);
        third.onEvent(event, sequence, endOfBatch);
        fourth.onEvent(event, sequence, endOfBatch);
        fifth.onEvent(event, sequence, endOfBatch);
        sixth.onEvent(event, sequence, endOfBatch);
        for (EventHandler<LogEvent> handler : rest) {
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
