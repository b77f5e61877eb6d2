package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;

/**
 * Port scan: one source IP hitting at least K distinct destination ports in firewall logs within the window (default
 * 10 in 1 minute), P2. Thread contract: as {@link SignalDetector}.
 */
final class PortScanDetector extends WindowDistinctDetector {
    PortScanDetector(Threshold rule, int maxKeys) {
        super(DetectorKind.PORT_SCAN, SubjectType.IP, rule, maxKeys);
    }

    @Override
    boolean select(LogEvent event, SecuritySignal signal) {
        if (signal.action() != SecurityAction.FIREWALL_HIT || signal.sourceIpLength() <= 0
            || signal.destinationPort() < 0) {
            return false;
        }
        subjectOffset = signal.sourceIpOffset();
        subjectLength = signal.sourceIpLength();
        value = signal.destinationPort();
        return true;
    }
}
