package io.sluice.server.security;

import io.sluice.analyzers.security.Anomaly;
import io.sluice.analyzers.security.AnomalyListener;
import io.sluice.server.alerts.BoundedHandOver;
import io.sluice.server.alerts.RecordBytes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where anomalies live: every version the detectors report is appended to the Chronicle queue
 * {@code <dataDir>/anomalies} (one {@link AnomalyRecordCodec} record per excerpt, numbered by a store-wide version
 * sequence), the latest version of the most recent anomalies is indexed in memory for the feed and the alert
 * function, and each new version is fanned out to live subscribers (SSE clients). {@link #open} rebuilds the index
 * from the queue, continues the id and version sequences after the highest stored, and closes what the previous run
 * left open (the detectors' state did not survive it).
 *
 * <p>Thread contract: {@link #onAnomaly} is called on the security stage's thread and never blocks: it hands the
 * anomaly to the store's own thread ("sluice-anomaly-store", which owns the appender), at most
 * {@link #MAX_HANDED_OVER} waiting, beyond that counted in {@link AnomalyStoreMetrics#handOverOverflow()} and lost.
 * {@link #nextId()} is for the detectors' thread; reads ({@link #page}, {@link #get}, {@link #openAnomalies},
 * {@link #subscribe}) from any thread; {@link #find} may read the queue and belongs off event loops.
 * {@code open} and {@code close} block briefly and belong to startup and shutdown.
 */
public final class AnomalyStore implements AnomalyListener, AutoCloseable {
    /** Anomaly versions handed over and not yet stored: bounds the memory a stalled disk can take. */
    public static final int MAX_HANDED_OVER = 10_000;
    /** Anomalies whose latest version the index keeps; older ones are only in the queue. */
    public static final int DEFAULT_INDEX_CAPACITY = 100_000;
    /** The detail key that says why the store, not a detector, closed an anomaly. */
    public static final String CLOSED_BY = "closedBy";
    private static final Logger LOG = LoggerFactory.getLogger(AnomalyStore.class);

    private final ScheduledThreadPoolExecutor storeThread;
    private final ExecutorService replayThread = BoundedHandOver.ownerThread("sluice-anomaly-replay");
    private final SingleChronicleQueue queue;
    private final AnomalyIndex index;
    private final AtomicLong nextId;
    private final List<AnomalySubscription> subscribers = new CopyOnWriteArrayList<>();
    private final AnomalyStoreMetrics metrics = new AnomalyStoreMetrics(this);
    private final BoundedHandOver handOver;
    /** The highest version stored; written on the store thread after the append, before the fan-out. */
    private volatile long lastVersion;
    private volatile boolean closed;
    /** Store thread only (created there: Chronicle appenders belong to one thread). */
    private ExcerptAppender appender;

    private AnomalyStore(ScheduledThreadPoolExecutor storeThread, SingleChronicleQueue queue, int indexCapacity) {
        this.storeThread = storeThread;
        this.queue = queue;
        this.index = new AnomalyIndex(indexCapacity);
        this.handOver = new BoundedHandOver(storeThread, MAX_HANDED_OVER, metrics.handOverOverflow);
        long[] maxId = {0};
        AnomalyQueueReader.forEach(queue, 0, record -> {
            index.put(record);
            maxId[0] = Math.max(maxId[0], record.anomaly().id());
            lastVersion = record.version();
            return true;
        });
        this.nextId = new AtomicLong(maxId[0] + 1);
    }

    /** As {@link #open(Path, int)} with {@link #DEFAULT_INDEX_CAPACITY}. */
    public static AnomalyStore open(Path dataDir) {
        return open(dataDir, DEFAULT_INDEX_CAPACITY);
    }

    /** Opens (creating if needed) {@code <dataDir>/anomalies} and rebuilds the index from it. */
    public static AnomalyStore open(Path dataDir, int indexCapacity) {
        ScheduledThreadPoolExecutor thread = BoundedHandOver.ownerThread("sluice-anomaly-store");
        return BoundedHandOver.openOn(thread, () -> {
            SingleChronicleQueue queue = SingleChronicleQueueBuilder
                .single(dataDir.resolve(AnomalyQueueReader.QUEUE_NAME).toFile()).build();
            try {
                AnomalyStore store = new AnomalyStore(thread, queue, indexCapacity);
                store.appender = queue.createAppender();
                store.closeLeftOpen();
                return store;
            } catch (RuntimeException e) {
                queue.close();
                throw e;
            }
        }, "anomaly store");
    }

    /**
     * The detectors keep open anomalies in memory only: what an earlier run left open would never be updated or
     * closed (and {@code anomaly()} rules would fire for it forever), so it is closed now, marked
     * {@code closedBy=restart} in its details.
     */
    private void closeLeftOpen() {
        List<Anomaly> leftOpen = new ArrayList<>(index.openAnomalies());
        leftOpen.sort(Comparator.comparingLong(Anomaly::id));
        long now = RecordBytes.nanos(Instant.now());
        for (Anomaly a : leftOpen) {
            Map<String, String> details = new LinkedHashMap<>(a.details());
            details.put(CLOSED_BY, "restart");
            store(new Anomaly(a.id(), a.detector(), a.severity(), a.subjectType(), a.subject(), a.firstSeen(),
                a.lastSeen(), a.count(), a.evidence(), a.samples(), details, false), now);
        }
        if (!leftOpen.isEmpty()) {
            LOG.info("closed {} anomalies left open by the previous run (closedBy=restart)", leftOpen.size());
        }
    }

    /**
     * Ids for new anomalies: never one already stored, also across restarts (the next run starts after the highest
     * stored id; one handed out but never stored may come again then).
     */
    public LongSupplier nextId() {
        return nextId::getAndIncrement;
    }

    @Override
    public void onAnomaly(Anomaly anomaly) {
        if (closed || anomaly == null) {
            return;
        }
        long recordedAt = RecordBytes.nanos(Instant.now());
        handOver.offer(() -> store(anomaly, recordedAt));
    }

    private void store(Anomaly anomaly, long recordedAt) {
        if (appender == null) {
            return; // closed meanwhile
        }
        AnomalyRecord record = new AnomalyRecord(lastVersion + 1, recordedAt, anomaly);
        try (DocumentContext dc = appender.writingDocument()) {
            AnomalyRecordCodec.write(record, dc.wire().bytes());
        } catch (RuntimeException e) {
            metrics.storeErrors.increment();
            if (Long.bitCount(metrics.storeErrors()) == 1) { // 1st, 2nd, 4th ... failure: no log flood
                LOG.warn("could not store anomaly {} ({} failures so far): {}", anomaly.id(), metrics.storeErrors(),
                    e.toString());
            }
            return;
        }
        nextId.accumulateAndGet(anomaly.id() + 1, Math::max); // an id the store did not hand out stays unique too
        index.put(record);
        metrics.stored.increment();
        // published after the index (a reader that sees version N sees its index entry) and before the fan-out
        // (subscribe relies on it: see there)
        lastVersion = record.version();
        for (AnomalySubscription s : subscribers) {
            if (!s.live(record)) {
                subscribers.remove(s);
            }
        }
    }

    /**
     * Subscribes to every version after {@code afterVersion} (the SSE {@code Last-Event-ID}), oldest first, each once:
     * stored ones are replayed from the queue on the replay thread, then live ones follow. Pass {@link #lastVersion()}
     * to receive only new versions; an id beyond the newest stored counts as the newest.
     */
    public AnomalySubscription subscribe(long afterVersion, AnomalySubscriber subscriber) {
        // an id beyond the newest (a client of a wiped data dir) would wait for versions that are not coming
        long after = Math.min(afterVersion, lastVersion);
        AnomalySubscription subscription = new AnomalySubscription(subscriber, after, subscribers::remove);
        if (closed) {
            subscription.end("the anomaly store is closed");
            return subscription;
        }
        // registered before the replay starts: a version stored from now on is buffered, one stored before is in
        // the queue for the replay (the subscription drops duplicates by version)
        subscribers.add(subscription);
        if (after >= lastVersion) {
            subscription.endReplay(); // nothing stored to replay: anything newer reaches it live
            return subscription;
        }
        try {
            replayThread.execute(() -> replay(subscription, after));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            subscription.end("the anomaly store is closed");
        }
        return subscription;
    }

    private void replay(AnomalySubscription subscription, long afterVersion) {
        try {
            AnomalyQueueReader.forEach(queue, afterVersion, subscription::replayed);
            subscription.endReplay();
        } catch (RuntimeException e) {
            subscription.end("replay failed: " + e.getMessage());
            subscribers.remove(subscription);
        }
    }

    /** The highest version sequence stored so far (0 when none): the SSE id a new client is live after. */
    public long lastVersion() {
        return lastVersion;
    }

    /** The latest version of anomaly {@code id} if it is among the indexed (most recent) ones, else null. */
    public AnomalyRecord get(long id) {
        return index.get(id);
    }

    /** As {@link #get}, searching the queue for an anomaly too old for the index: blocking, keep off event loops. */
    public AnomalyRecord find(long id) {
        AnomalyRecord indexed = index.get(id);
        if (indexed != null || id < 1 || id >= nextId.get() || closed) {
            return indexed;
        }
        AnomalyRecord[] latest = {null};
        AnomalyQueueReader.forEach(queue, 0, record -> {
            if (record.anomaly().id() == id) {
                latest[0] = record;
            }
            return true;
        });
        return latest[0];
    }

    /** Up to {@code limit} indexed anomalies matching {@code filter}, newest first, after {@code after} (null: all). */
    List<AnomalyRecord> page(AnomalyIndex.Position after, Predicate<Anomaly> filter, int limit) {
        return index.page(after, filter, limit);
    }

    /** The open anomalies' latest versions (a live, unordered view; the alert function reads it). */
    public Collection<Anomaly> openAnomalies() {
        return index.openAnomalies();
    }

    int indexedCount() {
        return index.size();
    }

    int subscriberCount() {
        return subscribers.size();
    }

    public AnomalyStoreMetrics metrics() {
        return metrics;
    }

    /** Stores what was handed over, ends the subscriptions and closes the queue. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscribers.forEach(s -> s.end("the anomaly store is closed"));
        subscribers.clear();
        replayThread.shutdownNow();
        try {
            replayThread.awaitTermination(5, TimeUnit.SECONDS);
            storeThread.submit(() -> {
                try {
                    appender.close();
                } finally {
                    appender = null;
                    queue.close();
                }
            }).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("closing the anomaly store failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            storeThread.shutdownNow();
        }
    }
}
