package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;

/**
 * Brute force: at least N failed logins (AUTH_FAILURE, INVALID_USER) from one IP within the window, P2. Defaults are
 * fail2ban's sshd jail: 5 in 10 minutes. Thread contract: as {@link SignalDetector}.
 */
final class BruteForceDetector extends WindowCountDetector {
    BruteForceDetector(Threshold rule, int maxKeys) {
        super(DetectorKind.BRUTE_FORCE, rule, rule.count(), maxKeys);
    }

    @Override
    SubjectType select(LogEvent event, SecuritySignal signal) {
        return SignalDetector.isLoginFailure(signal.action()) ? sourceIp(signal) : null;
    }
}
