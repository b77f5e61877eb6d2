package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;

/**
 * Password spraying: one IP failing logins against at least K distinct users within the window (default 5 in 10
 * minutes), P2. Thread contract: as {@link SignalDetector}.
 */
final class PasswordSprayDetector extends WindowDistinctDetector {
    PasswordSprayDetector(Threshold rule, int maxKeys) {
        super(DetectorKind.PASSWORD_SPRAYING, SubjectType.IP, rule, maxKeys);
    }

    @Override
    boolean select(LogEvent event, SecuritySignal signal) {
        if (!SignalDetector.isLoginFailure(signal.action()) || signal.sourceIpLength() <= 0
            || signal.userLength() <= 0) {
            return false;
        }
        subjectOffset = signal.sourceIpOffset();
        subjectLength = signal.sourceIpLength();
        value = KeyHash.of(event.raw(), signal.userOffset(), signal.userLength());
        return true;
    }
}
