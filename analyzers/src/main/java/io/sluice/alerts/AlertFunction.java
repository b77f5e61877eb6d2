package io.sluice.alerts;

/**
 * One function rule expressions may call ({@code error_rate}, {@code latency_p95}, {@code throughput}, later
 * {@code anomaly}). Registered by name in {@link AlertFunctions}.
 *
 * <p>Thread contract: {@link #bind} runs once per rule when rules are loaded, on the loading thread; it must be
 * stateless (one instance serves every rule).
 */
public interface AlertFunction {
    /** The unit this function's values are in, which decides how thresholds may be written. */
    ThresholdUnit unit();

    /**
     * Checks the call's arguments and returns the query the engine evaluates every interval.
     *
     * @throws InvalidRuleException naming the offending argument's column (the rule name may be left null: the parser
     *                              fills it in)
     */
    AlertQuery bind(FunctionCall call);
}
