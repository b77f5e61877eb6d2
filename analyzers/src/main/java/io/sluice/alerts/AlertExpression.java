package io.sluice.alerts;

import java.time.Duration;

/**
 * A parsed rule expression: {@code function(args) op threshold [for duration]}.
 *
 * @param text       the expression as written
 * @param function   the function name
 * @param query      what to read from the analyzers, per key
 * @param comparison the operator
 * @param threshold  converted to the function's unit (ratio, ms, events/s ...)
 * @param inlineFor  the {@code for 10m} written in the expression, or null
 */
public record AlertExpression(String text, String function, AlertQuery query, Comparison comparison, double threshold,
                              Duration inlineFor) {

    /** Whether the condition holds for one key's value; never for NaN (no data). */
    public boolean holds(double value) {
        return comparison.test(value, threshold);
    }
}
