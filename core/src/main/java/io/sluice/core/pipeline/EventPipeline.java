package io.sluice.core.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import io.sluice.core.LogEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ring and its consumers, wired as one picture:
 *
 * <pre>
 *   sources (event loops) --claim/fill/publish--> [ ring of LogEvent slots ] --+--> journal   (one thread)
 *                                                                              +--> analyzer  (one thread each)
 *                                                                              +--> analyzer  ...
 * </pre>
 *
 * The journal and every analyzer read the same slots in parallel, each on its own thread, each gating the
 * producers: a slot is reused only after all of them have passed it. Later stages (alerting, security
 * detectors) plug in as more analyzers.
 */
public final class EventPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventPipeline.class);

    private final RingBuffer<LogEvent> ringBuffer;
    private final EventRing ring;
    private final List<Stage> stages;
    private final AtomicLong handlerErrors = new AtomicLong();
    private boolean stopped;

    private record Stage(String name, BatchEventProcessor<LogEvent> processor, Thread thread) {
    }

    private EventPipeline(Builder b) {
        int slotBytes = b.settings.slotBytes();
        this.ringBuffer = RingBuffer.createMultiProducer(() -> new LogEvent(slotBytes), b.settings.ringSize(),
            b.settings.waitStrategy().create());
        this.ring = new EventRing(ringBuffer, b.sequenceBase);
        SequenceBarrier barrier = ringBuffer.newBarrier();
        List<Stage> built = new ArrayList<>();
        for (int i = 0; i < b.names.size(); i++) {
            BatchEventProcessor<LogEvent> processor = new BatchEventProcessorBuilder().build(ringBuffer, barrier,
                b.handlers.get(i));
            processor.setExceptionHandler(new CountingExceptionHandler(b.names.get(i)));
            ringBuffer.addGatingSequences(processor.getSequence());
            Thread thread = new Thread(processor, "sluice-" + b.names.get(i));
            built.add(new Stage(b.names.get(i), processor, thread));
        }
        this.stages = List.copyOf(built);
        for (Stage stage : stages) {
            stage.thread.start();
        }
    }

    public static Builder builder(PipelineSettings settings) {
        return new Builder(settings);
    }

    /** The producer side, for sources. */
    public EventRing ring() {
        return ring;
    }

    /**
     * Progress of one stage: the highest ring sequence it has fully handled. For the journal this is the durability
     * point (everything at or below it is appended), which HTTP acknowledgements wait on.
     */
    public Sequence progressOf(String stageName) {
        for (Stage stage : stages) {
            if (stage.name.equals(stageName)) {
                return stage.processor.getSequence();
            }
        }
        throw new IllegalArgumentException("no stage " + stageName);
    }

    public int bufferSize() {
        return ringBuffer.getBufferSize();
    }

    public long remainingCapacity() {
        return ringBuffer.remainingCapacity();
    }

    /** Exceptions thrown by handlers (logged and skipped, so one bad event cannot stall the ring). */
    public long handlerErrors() {
        return handlerErrors.get();
    }

    /**
     * Waits until every stage has handled every published event, then stops the consumer threads (their
     * {@code onShutdown} flushes). Call after the sources stopped publishing. Returns false if the drain timed out,
     * in which case the threads are stopped anyway.
     */
    public boolean drainAndStop(Duration timeout) {
        if (stopped) {
            return true;
        }
        stopped = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        long cursor = ringBuffer.getCursor();
        boolean drained = true;
        for (Stage stage : stages) {
            while (stage.processor.getSequence().get() < cursor) {
                if (System.nanoTime() > deadline) {
                    drained = false;
                    LOG.warn("stage {} did not drain in {}: at {} of {}", stage.name, timeout,
                        stage.processor.getSequence().get(), cursor);
                    break;
                }
                Thread.onSpinWait();
                Thread.yield();
            }
        }
        for (Stage stage : stages) {
            stage.processor.halt();
        }
        // After halt() a stage finishes the batch in hand and exits: wait for that, so nobody (the journal's
        // appender above all) is still writing when the caller closes what the stages write to.
        for (Stage stage : stages) {
            try {
                stage.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return drained;
    }

    @Override
    public void close() {
        drainAndStop(Duration.ofSeconds(30));
    }

    public static final class Builder {
        private final PipelineSettings settings;
        private final List<String> names = new ArrayList<>();
        private final List<EventHandler<LogEvent>> handlers = new ArrayList<>();
        private long sequenceBase;

        private Builder(PipelineSettings settings) {
            this.settings = settings;
        }

        /** First journal sequence of this run: one past the last one stored. */
        public Builder sequenceBase(long base) {
            this.sequenceBase = base;
            return this;
        }

        /** Adds a consumer stage with its own thread, named {@code sluice-<name>}. */
        public Builder stage(String name, EventHandler<LogEvent> handler) {
            if (names.contains(name)) {
                throw new IllegalArgumentException("duplicate stage " + name);
            }
            names.add(name);
            handlers.add(handler);
            return this;
        }

        public EventPipeline start() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException("a pipeline needs at least one stage");
            }
            return new EventPipeline(this);
        }
    }

    /** Logs and counts a failing event, then moves on: the alternative (halting the stage) would stall every source. */
    private final class CountingExceptionHandler implements ExceptionHandler<LogEvent> {
        private final String stage;

        CountingExceptionHandler(String stage) {
            this.stage = stage;
        }

        @Override
        public void handleEventException(Throwable ex, long sequence, LogEvent event) {
            long n = handlerErrors.incrementAndGet();
            if (n <= 10 || Long.bitCount(n) == 1) {
                LOG.error("stage {} failed on event seq={} (error #{})", stage, event == null ? -1 : event.sequence(),
                    n, ex);
            }
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            LOG.error("stage {} failed to start", stage, ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.error("stage {} failed to shut down cleanly", stage, ex);
        }
    }
}
