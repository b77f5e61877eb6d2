package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;

/**
 * Bursts of HTTP 401/403 answers to one IP (default 10 in 1 minute), P3: credential guessing or forced browsing
 * against a web app. Counts any recognized request carrying the status. Thread contract: as {@link SignalDetector}.
 */
final class WebAuthBurstDetector extends WindowCountDetector {
    WebAuthBurstDetector(Threshold rule, int maxKeys) {
        super(DetectorKind.WEB_AUTH_BURST, rule, rule.count(), maxKeys);
    }

    @Override
    SubjectType select(LogEvent event, SecuritySignal signal) {
        int status = signal.httpStatus();
        return status == 401 || status == 403 ? sourceIp(signal) : null;
    }

    @Override
    Priority priorityOf(int inWindow) {
        return Priority.P3;
    }
}
