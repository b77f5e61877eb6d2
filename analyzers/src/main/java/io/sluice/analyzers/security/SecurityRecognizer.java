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
}
