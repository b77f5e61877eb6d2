package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;

/**
 * One detector fed with recognized security signals. It keeps its own window state keyed by IP, user or host, bounded
 * by a key cap, and reports at most one detection per event.
 *
 * <p>Thread contract: called on the security stage's thread only, allocation-free; {@link #trackedKeys()} from any
 * thread.
 */
interface SignalDetector {
    DetectorKind kind();

    /** Counts the signal; fills {@code out} and returns true when the detector trips on this event. */
    boolean onSignal(LogEvent event, SecuritySignal signal, Detection out);

    /** Keys tracked now, across the detector's tables. Any thread. */
    int trackedKeys();

    /** A failed login for the login detectors: wrong credentials or a user that does not exist. */
    static boolean isLoginFailure(SecurityAction action) {
        return action == SecurityAction.AUTH_FAILURE || action == SecurityAction.INVALID_USER;
    }
}
