package io.sluice.server.security;

import io.sluice.analyzers.security.Anomaly;
import io.sluice.server.alerts.RecordBytes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;

/**
 * The latest version of the most recent {@code capacity} anomalies (by id; older ones live only in the queue), in
 * feed order (last seen, then id, newest first), plus the open ones for the alert function.
 *
 * <p>Thread contract: one writer (the store's thread) calls {@link #put}; readers on any thread see each anomaly's
 * latest version or the one before, never a torn one. A reader iterating the feed order while an anomaly moves to
 * the front sees it at its old or its new place (its old place is skipped once the move is done).
 */
final class AnomalyIndex {
    /** A place in the feed order; also what a cursor encodes. */
    record Position(long lastSeenNanos, long id) {
    }

    static final Comparator<Position> NEWEST_FIRST = Comparator.comparingLong(Position::lastSeenNanos).reversed()
        .thenComparing(Comparator.comparingLong(Position::id).reversed());

    private final int capacity;
    private final ConcurrentSkipListMap<Long, AnomalyRecord> byId = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListSet<Position> feed = new ConcurrentSkipListSet<>(NEWEST_FIRST);
    private final ConcurrentHashMap<Long, Anomaly> open = new ConcurrentHashMap<>();
    /** Writer only; also published for the gauge (a stale read is fine). */
    private volatile int size;

    AnomalyIndex(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records {@code record} as its anomaly's latest version, evicting the lowest id beyond the capacity. */
    void put(AnomalyRecord record) {
        Anomaly anomaly = record.anomaly();
        AnomalyRecord previous = byId.put(anomaly.id(), record);
        Position now = position(anomaly);
        feed.add(now);
        if (previous != null) {
            Position before = position(previous.anomaly());
            if (!before.equals(now)) {
                feed.remove(before);
            }
        } else {
            size++;
        }
        if (anomaly.open()) {
            open.put(anomaly.id(), anomaly);
        } else {
            open.remove(anomaly.id());
        }
        while (size > capacity) {
            evictOldest();
        }
    }

    private void evictOldest() {
        var oldest = byId.pollFirstEntry();
        feed.remove(position(oldest.getValue().anomaly()));
        open.remove(oldest.getKey());
        size--;
    }

    /** The latest version of anomaly {@code id}, or null if it is unknown or evicted. */
    AnomalyRecord get(long id) {
        return byId.get(id);
    }

    /**
     * Up to {@code limit} latest versions matching {@code filter}, newest first, strictly after {@code after} (null:
     * from the newest).
     */
    List<AnomalyRecord> page(Position after, Predicate<Anomaly> filter, int limit) {
        NavigableSet<Position> from = after == null ? feed : feed.tailSet(after, false);
        List<AnomalyRecord> page = new ArrayList<>(Math.min(limit, 128));
        for (Position p : from) {
            AnomalyRecord record = byId.get(p.id());
            // a stale position (the anomaly moved to the front meanwhile, or was evicted) is skipped
            if (record != null && position(record.anomaly()).equals(p) && filter.test(record.anomaly())) {
                page.add(record);
                if (page.size() >= limit) {
                    break;
                }
            }
        }
        return page;
    }

    /** The open anomalies (latest versions), unordered; a live view. */
    Collection<Anomaly> openAnomalies() {
        return Collections.unmodifiableCollection(open.values());
    }

    int size() {
        return size;
    }

    int openCount() {
        return open.size();
    }

    static Position position(Anomaly anomaly) {
        long lastSeen = anomaly.lastSeen() == null ? RecordBytes.NO_INSTANT : RecordBytes.nanos(anomaly.lastSeen());
        return new Position(lastSeen, anomaly.id());
    }
}
