package io.sluice.analyzers.security;

import io.sluice.core.LogEvent;

/**
 * Reads security meaning out of a parsed event (OpenSSH, PAM, sudo, su, web access logs, firewall lines, ECS JSON)
 * at byte level: no regex backtracking, no allocation.
 *
 * <p>Thread contract: an instance may keep scratch state; use one per thread.
 */
public interface SecurityRecognizer {
    /** Fills {@code out} and returns true when {@code event} is a security event; false (and {@code out} cleared) else. */
    boolean recognize(LogEvent event, SecuritySignal out);

    /**
     * As {@link #recognize(LogEvent, SecuritySignal)} for the event at ring {@code sequence}, so a recognizer may reuse
     * what other analyzers on its thread already read out of the same event.
     */
    default boolean recognize(LogEvent event, long sequence, SecuritySignal out) {
        return recognize(event, out);
    }
}
