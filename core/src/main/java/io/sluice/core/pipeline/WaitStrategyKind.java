package io.sluice.core.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/** How ring consumers wait for events: the trade between idle CPU and wake-up latency, chosen by configuration. */
public enum WaitStrategyKind {
    /** Parks on a lock: no idle CPU, a few microseconds to wake. The default for small machines. */
    BLOCKING,
    /** Like BLOCKING, but producers skip the signal when nobody waits. */
    LITE_BLOCKING,
    /** Spins, yields, then sleeps ~100 us: low producer cost, some idle CPU. */
    SLEEPING,
    /** Spins and yields: lowest latency, burns a core per consumer. Only with cores to spare. */
    YIELDING;

    public WaitStrategy create() {
        return switch (this) {
            case BLOCKING -> new BlockingWaitStrategy();
            case LITE_BLOCKING -> new LiteBlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
        };
    }

    /** Parses "sleeping", "lite-blocking", ... as written in configuration. */
    public static WaitStrategyKind parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
