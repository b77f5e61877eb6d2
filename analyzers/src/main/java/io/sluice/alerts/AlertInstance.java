package io.sluice.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The state machine of one rule applied to one key. Only pending and firing instances exist: a new instance is
 * INACTIVE until its first {@link #observe}, and the engine drops it once it is back to inactive or resolved.
 *
 * <pre>
 * INACTIVE --true--> PENDING --true for `for`--> FIRING --false for keep-firing-for--> RESOLVED (then gone)
 *                      |  (for 0s: straight to FIRING)   ^ true again resets the false streak (no flapping)
 *                      +--false--> INACTIVE, silently
 * </pre>
 *
 * <p>Thread contract: confined to the engine (its lock); not thread-safe.
 */
final class AlertInstance {
    /** What one observation means for the listener. */
    enum Notice { NONE, PENDING, FIRING, RESEND, RESOLVED, DROPPED }

    private final String key;
    private CompiledRule rule;
    private Map<String, String> labels;
    private String fingerprint;
    private AlertState state = AlertState.INACTIVE;
    private double value = Double.NaN;
    private Instant activeSince;
    private Instant firedAt;
    private Instant resolvedAt;
    private Instant falseSince;
    private Instant lastSent;

    AlertInstance(CompiledRule rule, String key) {
        this.key = key;
        rebind(rule);
    }

    /** Takes a reloaded rule of the same name: state and times are kept, labels follow the new rule. */
    void rebind(CompiledRule newRule) {
        rule = newRule;
        labels = newRule.labelsFor(key);
        fingerprint = Fingerprint.of(labels);
    }

    /** One evaluation's outcome for this key ({@code holds} false also when the key was not reported). */
    Notice observe(boolean holds, double newValue, Instant now, Duration resendInterval) {
        if (!Double.isNaN(newValue)) {
            value = newValue;
        }
        return switch (state) {
            case INACTIVE -> holds ? start(now) : Notice.DROPPED;
            case PENDING -> !holds ? drop() : reached(activeSince, rule.rule().forDuration(), now) ? fire(now)
                : Notice.NONE;
            case FIRING -> whileFiring(holds, now, resendInterval);
            case RESOLVED -> Notice.DROPPED;
        };
    }

    /** Resolves a firing instance whose rule was removed; false when it was only pending. */
    boolean resolveNow(Instant now) {
        if (state != AlertState.FIRING) {
            return false;
        }
        resolve(now);
        return true;
    }

    private Notice start(Instant now) {
        activeSince = now;
        state = AlertState.PENDING;
        return rule.rule().forDuration().isZero() ? fire(now) : Notice.PENDING;
    }

    private Notice drop() {
        state = AlertState.INACTIVE;
        return Notice.DROPPED;
    }

    private Notice fire(Instant now) {
        state = AlertState.FIRING;
        firedAt = now;
        lastSent = now;
        return Notice.FIRING;
    }

    private Notice whileFiring(boolean holds, Instant now, Duration resendInterval) {
        if (holds) {
            falseSince = null;
        } else {
            if (falseSince == null) {
                falseSince = now;
            }
            if (reached(falseSince, rule.rule().keepFiringFor(), now)) {
                resolve(now);
                return Notice.RESOLVED;
            }
        }
        if (reached(lastSent, resendInterval, now)) {
            lastSent = now;
            return Notice.RESEND;
        }
        return Notice.NONE;
    }

    private void resolve(Instant now) {
        state = AlertState.RESOLVED;
        resolvedAt = now;
    }

    private static boolean reached(Instant since, Duration wait, Instant now) {
        return !now.isBefore(since.plus(wait));
    }

    String fingerprint() {
        return fingerprint;
    }

    String ruleName() {
        return rule.name();
    }

    String key() {
        return key;
    }

    AlertState state() {
        return state;
    }

    Alert toAlert() {
        return new Alert(rule.name(), fingerprint, state, rule.rule().severity(), labels,
            rule.annotationsFor(value, labels), value, activeSince, firedAt, resolvedAt);
    }
}
