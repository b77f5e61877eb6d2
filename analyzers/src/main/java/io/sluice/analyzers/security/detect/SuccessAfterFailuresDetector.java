package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;

/**
 * Success after failures: an AUTH_SUCCESS from an IP, or for a user, that had at least N failed logins within the
 * window (default 3 in 10 minutes), P1: the guessing may have worked. The IP is checked first (the subject is then
 * the IP), then the user. The evidence is the failures plus the success.
 *
 * <p>Thread contract: as {@link SignalDetector}.
 */
final class SuccessAfterFailuresDetector implements SignalDetector {
    private final int threshold;
    private final KeyedEventWindow failuresByIp;
    private final KeyedEventWindow failuresByUser;

    SuccessAfterFailuresDetector(Threshold rule, int maxKeys) {
        this.threshold = rule.count();
        this.failuresByIp = new KeyedEventWindow(maxKeys, rule.count(), rule.windowNanos());
        this.failuresByUser = new KeyedEventWindow(maxKeys, rule.count(), rule.windowNanos());
    }

    @Override
    public boolean onSignal(LogEvent event, SecuritySignal signal, Detection out) {
        SecurityAction action = signal.action();
        boolean failure = SignalDetector.isLoginFailure(action);
        if (!failure && action != SecurityAction.AUTH_SUCCESS) {
            return false;
        }
        byte[] raw = event.raw();
        long at = event.receivedAtNanos();
        long ip = signal.sourceIpLength() > 0 ? KeyHash.of(raw, signal.sourceIpOffset(), signal.sourceIpLength()) : 0;
        long user = signal.userLength() > 0 ? KeyHash.of(raw, signal.userOffset(), signal.userLength()) : 0;
        if (failure) {
            if (signal.sourceIpLength() > 0) {
                failuresByIp.record(ip, at, event.sequence());
            }
            if (signal.userLength() > 0) {
                failuresByUser.record(user, at, event.sequence());
            }
            return false;
        }
        if (signal.sourceIpLength() > 0) {
            int failures = failuresByIp.count(ip, at);
            if (failures >= threshold) {
                out.trip(kind(), Priority.P1, SubjectType.IP, raw, signal.sourceIpOffset(), signal.sourceIpLength(),
                    ip, event, failures).evidenceFrom(failuresByIp).addOwnSequence();
                return true;
            }
        }
        if (signal.userLength() > 0) {
            int failures = failuresByUser.count(user, at);
            if (failures >= threshold) {
                out.trip(kind(), Priority.P1, SubjectType.USER, raw, signal.userOffset(), signal.userLength(),
                    user, event, failures).evidenceFrom(failuresByUser).addOwnSequence();
                return true;
            }
        }
        return false;
    }

    @Override
    public DetectorKind kind() {
        return DetectorKind.SUCCESS_AFTER_FAILURES;
    }

    @Override
    public int trackedKeys() {
        return failuresByIp.trackedKeys() + failuresByUser.trackedKeys();
    }
}
