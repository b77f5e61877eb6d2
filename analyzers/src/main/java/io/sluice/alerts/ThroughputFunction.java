package io.sluice.alerts;

import io.sluice.analyzers.stats.Throughput;

/**
 * {@code throughput(source=*, window=1m)}: events per second per key; {@code throughput_bytes(...)}: bytes per
 * second. Any dimension. A key that went silent reads 0 for as long as the analyzers still list it.
 */
final class ThroughputFunction implements AlertFunction {
    private final boolean bytes;

    ThroughputFunction(boolean bytes) {
        this.bytes = bytes;
    }

    @Override
    public ThresholdUnit unit() {
        return bytes ? ThresholdUnit.BYTES_PER_SECOND : ThresholdUnit.EVENTS_PER_SECOND;
    }

    @Override
    public AlertQuery bind(FunctionCall call) {
        return KeySelector.bind(call, KeySelector.ALL_DIMENSIONS).query((stats, selector, key) -> {
            Throughput throughput = stats.throughput(selector.dimension(), key, selector.window());
            return bytes ? throughput.bytesPerSecond() : throughput.eventsPerSecond();
        });
    }
}
