package io.sluice.core.pipeline;

import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.concurrent.TimeUnit;

/** How ring consumers wait for events: the trade between idle CPU and wake-up latency, chosen by configuration. */
public enum WaitStrategyKind {
    /**
     * Parks on a lock: no idle CPU, a few microseconds to wake. The default for small machines. Idle consumers wake
     * every {@link #IDLE_TICK_MILLIS} ms ({@code onTimeout}), so stages with timed work (closing quiet anomalies)
     * do it even when no event arrives.
     */
    BLOCKING,
    /** Like BLOCKING (idle ticks included), but producers skip the signal when nobody waits. */
    LITE_BLOCKING,
    /** Spins, yields, then sleeps ~100 us: low producer cost, some idle CPU; no idle ticks. */
    SLEEPING,
    /** Spins and yields: lowest latency, burns a core per consumer. Only with cores to spare. */
    YIELDING;

    /** How often an idle consumer gets {@code onTimeout} with the blocking strategy. */
    public static final long IDLE_TICK_MILLIS = 100;

    public WaitStrategy create() {
        return switch (this) {
            case BLOCKING -> new TimeoutBlockingWaitStrategy(IDLE_TICK_MILLIS, TimeUnit.MILLISECONDS);
            case LITE_BLOCKING -> new LiteTimeoutBlockingWaitStrategy(IDLE_TICK_MILLIS, TimeUnit.MILLISECONDS);
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
        };
    }

    /** Parses "sleeping", "lite-blocking", ... as written in configuration. */
    public static WaitStrategyKind parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
