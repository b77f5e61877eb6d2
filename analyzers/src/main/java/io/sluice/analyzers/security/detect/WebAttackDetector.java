package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;

/**
 * Web attacks: requests whose line carries an injection or traversal signature, or a scanner's user agent, per source
 * IP (default: the first one), P2; the attack kinds seen are kept in the anomaly's details. Thread contract: as
 * {@link SignalDetector}.
 */
final class WebAttackDetector extends WindowCountDetector {
    WebAttackDetector(Threshold rule, int maxKeys) {
        super(DetectorKind.WEB_ATTACK, rule, rule.count(), maxKeys);
    }

    @Override
    SubjectType select(LogEvent event, SecuritySignal signal) {
        return signal.action() == SecurityAction.WEB_ATTACK ? sourceIp(signal) : null;
    }

    @Override
    void annotate(SecuritySignal signal, Detection out) {
        out.attack = signal.attack();
    }
}
