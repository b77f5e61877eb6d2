package io.sluice.analyzers.security;

/** What a recognized security log line says happened. */
public enum SecurityAction {
    /** A login that failed: wrong password, bad key, PAM authentication failure, HTTP 401 on a login. */
    AUTH_FAILURE,
    /** A login attempt for a user that does not exist (counts as a failure, and tells who is being guessed). */
    INVALID_USER,
    /** A login that succeeded (Accepted password/publickey, ECS event.outcome=success on authentication). */
    AUTH_SUCCESS,
    /** sudo/su failures, "NOT in sudoers", incorrect password attempts. */
    PRIVILEGE_FAILURE,
    /** A connection a firewall logged (iptables/nftables/UFW {@code SRC=... DPT=...}). */
    FIREWALL_HIT,
    /** An HTTP request from an access log (its status in {@link SecuritySignal#httpStatus()}). */
    WEB_REQUEST,
    /** An HTTP request whose line carries an attack signature or a scanner's user agent. */
    WEB_ATTACK,
    /** Pre-authentication noise from one source (no identification string, max auth attempts, disconnects). */
    PROBE
}
