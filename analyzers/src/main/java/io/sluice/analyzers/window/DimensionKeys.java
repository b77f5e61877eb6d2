package io.sluice.analyzers.window;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.core.LogEvent;
import java.util.Arrays;

/**
 * The key ids of the current event, one per {@link Dimension}, resolved once per event: one {@link ByteKeyIndex} per
 * dimension (capped; "other" past the cap), shared by the keyed analyzers on one ring thread, so error rate and
 * throughput hash and compare each key once between them instead of once each. Ids are keyed by the event slot and
 * its ring sequence ({@link #idOf}); the ring never hands the same slot and sequence out for different contents.
 *
 * <p>Thread contract: one writer thread calls {@link #idOf}: the analyzers fused onto one thread share one instance,
 * separate stages each own one (an assertion checks that only one thread writes). The indexes' read methods
 * ({@link #index}) may be used from any thread. Allocation-free except for a new key's name (see
 * {@link ByteKeyIndex}).
 */
public final class DimensionKeys {
    private static final Dimension[] DIMENSIONS = Dimension.values();
    private static final int SERVICE = Dimension.SERVICE.ordinal();
    private static final int HOST = Dimension.HOST.ordinal();
    private static final int TRANSPORT = Dimension.TRANSPORT.ordinal();
    private static final int NOT_LOOKED_UP = -1;

    private final ByteKeyIndex[] indexes = new ByteKeyIndex[DIMENSIONS.length];
    private final int[] ids = new int[DIMENSIONS.length];
    private final int[] transportIds = new int[16]; // by transport code, which fits the journal record's 4 bits
    private LogEvent event;
    private long sequence;
    private Thread writer;

    /** @param maxKeysPerDimension keys tracked per dimension before new ones count as "other" */
    public DimensionKeys(int maxKeysPerDimension) {
        for (Dimension d : DIMENSIONS) {
            indexes[d.ordinal()] = new ByteKeyIndex(maxKeysPerDimension);
        }
        Arrays.fill(transportIds, NOT_LOOKED_UP);
    }

    /** Id of {@code event}'s key for {@code dimension}; the event's ids are resolved on the first call. Writer only. */
    public int idOf(Dimension dimension, LogEvent event, long sequence) {
        assert writtenByCurrentThread() : "dimension keys written by two threads";
        if (event != this.event || sequence != this.sequence) {
            ids[SERVICE] = EventKeys.idOf(indexes[SERVICE], Dimension.SERVICE, event);
            ids[HOST] = EventKeys.idOf(indexes[HOST], Dimension.HOST, event);
            ids[TRANSPORT] = transportId(event);
            this.event = event;
            this.sequence = sequence;
        }
        return ids[dimension.ordinal()];
    }

    /** A transport's id never changes once given: looked up once per transport, not once per event. */
    private int transportId(LogEvent event) {
        int code = event.transport().code();
        int id = transportIds[code];
        if (id == NOT_LOOKED_UP) {
            id = EventKeys.idOf(indexes[TRANSPORT], Dimension.TRANSPORT, event);
            transportIds[code] = id;
        }
        return id;
    }

    /** The index of {@code dimension}'s keys; its read methods may be called from any thread. */
    public ByteKeyIndex index(Dimension dimension) {
        return indexes[dimension.ordinal()];
    }

    private boolean writtenByCurrentThread() {
        Thread current = Thread.currentThread();
        if (writer == null) {
            writer = current;
        }
        return writer == current;
    }
}
