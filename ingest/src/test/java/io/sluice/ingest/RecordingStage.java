package io.sluice.ingest;

import com.lmax.disruptor.EventHandler;
import io.sluice.core.LogEvent;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.core.pipeline.PipelineSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A ring consumer for source tests: keeps a copy of every event it is handed, and can be held (blocked after
 * recording an event) so that a test fills the ring on purpose. Copies are safe to read from the test thread.
 */
public final class RecordingStage implements EventHandler<LogEvent> {
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate;

    /** A started pipeline with {@code ringSize} slots and this stage as its only consumer. */
    public EventPipeline startPipeline(int ringSize) {
        return EventPipeline.builder(PipelineSettings.defaults().withRingSize(ringSize))
            .stage("recorder", this).start();
    }

    /** From now on the consumer blocks after recording the next event, until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    @Override
    public void onEvent(LogEvent event, long sequence, boolean endOfBatch) throws InterruptedException {
        LogEvent copy = new LogEvent();
        copy.copyFrom(event);
        events.add(copy);
        CountDownLatch held = gate;
        if (held != null) {
            held.await();
        }
    }

    public List<LogEvent> events() {
        return List.copyOf(events);
    }

    /** The first recorded event that matches, waiting up to 10 s for it. */
    public LogEvent awaitEvent(Predicate<LogEvent> match) {
        awaitCondition(() -> events.stream().anyMatch(match), () -> "no matching event among " + events);
        return events.stream().filter(match).findFirst().orElseThrow();
    }

    /** Waits up to 10 s until {@code count} events were recorded. */
    public void awaitCount(int count) {
        awaitCondition(() -> events.size() >= count, () -> "expected " + count + " events, got " + events.size());
    }

    /** Polls {@code condition} until it holds; fails with {@code message} after 10 s. */
    public static void awaitCondition(BooleanSupplier condition, Supplier<String> message) {
        long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message.get());
            }
            try {
                Thread.sleep(5); // a poll interval, not the assertion: the condition decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + message.get(), e);
            }
        }
    }
}
