package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;

/**
 * Distributed brute force: one user failing logins from at least K distinct IPs within the window (default 5 in 10
 * minutes), P2: a botnet sharing out the guesses to stay under each IP's brute-force threshold. Thread contract: as
 * {@link SignalDetector}.
 */
final class DistributedBruteForceDetector extends WindowDistinctDetector {
    DistributedBruteForceDetector(Threshold rule, int maxKeys) {
        super(DetectorKind.DISTRIBUTED_BRUTE_FORCE, SubjectType.USER, rule, maxKeys);
    }

    @Override
    boolean select(LogEvent event, SecuritySignal signal) {
        if (!SignalDetector.isLoginFailure(signal.action()) || signal.sourceIpLength() <= 0
            || signal.userLength() <= 0) {
            return false;
        }
        subjectOffset = signal.userOffset();
        subjectLength = signal.userLength();
        value = KeyHash.of(event.raw(), signal.sourceIpOffset(), signal.sourceIpLength());
        return true;
    }
}
