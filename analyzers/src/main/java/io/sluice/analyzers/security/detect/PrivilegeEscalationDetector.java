package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;

/**
 * Privilege escalation attempts: sudo/su failures and "NOT in sudoers" (PRIVILEGE_FAILURE) per user, else per host.
 * One failure is P2: a fumbled sudo writes two to four such lines, so it is worth a look but not a page. At
 * {@code p1Failures} within the same window (default 5) the anomaly rises to P1: that is someone persisting. Thread
 * contract: as {@link SignalDetector}.
 */
final class PrivilegeEscalationDetector extends WindowCountDetector {
    private final int p1Failures;

    PrivilegeEscalationDetector(Threshold rule, int p1Failures, int maxKeys) {
        super(DetectorKind.PRIVILEGE_ESCALATION, rule, p1Failures, maxKeys);
        this.p1Failures = p1Failures;
    }

    @Override
    SubjectType select(LogEvent event, SecuritySignal signal) {
        if (signal.action() != SecurityAction.PRIVILEGE_FAILURE) {
            return null;
        }
        if (signal.userLength() > 0) {
            subjectOffset = signal.userOffset();
            subjectLength = signal.userLength();
            return SubjectType.USER;
        }
        if (event.spanLength(Field.HOSTNAME) > 0) {
            subjectOffset = event.spanOffset(Field.HOSTNAME);
            subjectLength = event.spanLength(Field.HOSTNAME);
            return SubjectType.HOST;
        }
        return null;
    }

    @Override
    Priority priorityOf(int inWindow) {
        return inWindow >= p1Failures ? Priority.P1 : Priority.P2;
    }
}
