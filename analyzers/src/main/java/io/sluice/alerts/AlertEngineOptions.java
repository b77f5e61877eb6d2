package io.sluice.alerts;

import java.time.Duration;

/**
 * How often the {@link AlertEngine} evaluates and re-sends, and how much history it keeps.
 *
 * @param evaluationInterval time between evaluations of every rule (a {@code for: 0s} rule fires within one interval
 *                           of the analyzers seeing the change)
 * @param resendInterval     a firing alert is re-sent to the listener this often (Alertmanager drops alerts that are
 *                           not repeated)
 * @param historySize        resolved alerts kept for {@link AlertEngine#recent}
 */
public record AlertEngineOptions(Duration evaluationInterval, Duration resendInterval, int historySize) {
    public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofMillis(250);
    public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);
    public static final int DEFAULT_HISTORY_SIZE = 500;
    public static final AlertEngineOptions DEFAULTS = new AlertEngineOptions(null, null, DEFAULT_HISTORY_SIZE);

    public AlertEngineOptions {
        evaluationInterval = evaluationInterval == null ? DEFAULT_EVALUATION_INTERVAL : evaluationInterval;
        resendInterval = resendInterval == null ? DEFAULT_RESEND_INTERVAL : resendInterval;
        if (evaluationInterval.toMillis() < 1) {
            throw new IllegalArgumentException("evaluation-interval must be at least 1ms, not " + evaluationInterval);
        }
        if (resendInterval.compareTo(evaluationInterval) < 0) {
            throw new IllegalArgumentException("resend-interval (" + DurationText.format(resendInterval)
                + ") must not be shorter than evaluation-interval (" + DurationText.format(evaluationInterval) + ")");
        }
        if (historySize < 0) {
            throw new IllegalArgumentException("history size must not be negative: " + historySize);
        }
    }
}
