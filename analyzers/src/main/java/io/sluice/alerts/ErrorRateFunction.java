package io.sluice.alerts;

import io.sluice.analyzers.stats.ErrorRate;
import java.util.Set;

/**
 * {@code error_rate(service=*, window=5m)}: errors / events per key; {@code error_count(...)}: the number of errors.
 * Any dimension. A window without events has no error rate (NaN: no condition holds). {@code error_rate} also takes {@code min_events=N}: a key with fewer events in the window has no
 * value (the condition does not hold), so one failed request of three does not page anyone.
 */
final class ErrorRateFunction implements AlertFunction {
    private static final String MIN_EVENTS = "min_events";

    private final boolean count;

    ErrorRateFunction(boolean count) {
        this.count = count;
    }

    @Override
    public ThresholdUnit unit() {
        return count ? ThresholdUnit.COUNT : ThresholdUnit.RATIO;
    }

    @Override
    public AlertQuery bind(FunctionCall call) {
        Set<String> own = count ? Set.of() : Set.of(MIN_EVENTS);
        KeySelector selector = KeySelector.bind(call, KeySelector.ALL_DIMENSIONS, own);
        long minEvents = count ? 0 : minEvents(call);
        return selector.query((stats, s, key) -> {
            ErrorRate rate = stats.errorRate(s.dimension(), key, s.window());
            if (count) {
                return rate.errors();
            }
            return rate.events() == 0 || rate.events() < minEvents ? Double.NaN : rate.ratio();
        });
    }

    private static long minEvents(FunctionCall call) {
        long min = 0;
        for (Argument arg : call.args()) {
            if (arg.name().equals(MIN_EVENTS)) {
                min = parseCount(arg);
            }
        }
        return min;
    }

    private static long parseCount(Argument arg) {
        if (arg.comparison() == Comparison.EQ && !arg.wildcard()) {
            try {
                long n = Long.parseLong(arg.value());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidRuleException(null, arg.column(), MIN_EVENTS + "= takes a whole number of events, not '"
            + arg.value() + "'");
    }
}
