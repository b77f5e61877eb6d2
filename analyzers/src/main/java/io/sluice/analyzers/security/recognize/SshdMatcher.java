package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;
import static io.sluice.analyzers.security.recognize.AsciiBytes.after;
import static io.sluice.analyzers.security.recognize.AsciiBytes.afterFirst;
import static io.sluice.analyzers.security.recognize.AsciiBytes.indexOf;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;

/**
 * OpenSSH server lines. Failures: {@code Failed <method> for [invalid user] U from H [port N] [ssh2]} (publickey for an
 * existing user is not one: clients offer several keys, fail2ban treats it the same way), {@code Invalid user U from H},
 * {@code User U from H not allowed because ...}, {@code ROOT LOGIN REFUSED FROM H}, {@code error: PAM: Authentication
 * failure/error for U from H}. Success: {@code Accepted <method> for U from H}. Probes (pre-auth noise):
 * {@code Did not receive identification string}, {@code maximum authentication attempts exceeded}, {@code Connection
 * closed/reset by [authenticating|invalid user U] H [port N] [preauth]}, {@code Received disconnect ... [preauth]},
 * {@code Unable to negotiate}, {@code Bad protocol version identification}, {@code Timeout before authentication},
 * tcp-wrappers {@code refused connect}. The phrase may sit after any prefix ({@code error: }, Solaris
 * {@code [ID 800047 auth.info]}, a kernel timestamp).
 *
 * <p>Lines whose address came in an earlier line of the same session ({@code Disconnecting: Too many authentication
 * failures}, {@code fatal: Read from socket failed}) are not recognized: the signal holds spans of this line only.
 * Thread contract: stateless; allocation-free.
 */
final class SshdMatcher {
    private static final byte[] FAILED = AsciiBytes.of("Failed ");
    private static final byte[] ACCEPTED = AsciiBytes.of("Accepted ");
    private static final byte[] FOR = AsciiBytes.of(" for ");
    private static final byte[] FROM = AsciiBytes.of(" from ");
    private static final byte[] PUBLICKEY = AsciiBytes.of("publickey");
    private static final byte[] INVALID_USER = AsciiBytes.of("Invalid user ");
    private static final byte[] USER = AsciiBytes.of("User ");
    private static final byte[] NOT_ALLOWED = AsciiBytes.of(" not allowed because ");
    private static final byte[] ROOT_REFUSED = AsciiBytes.of("ROOT LOGIN REFUSED FROM ");
    private static final byte[] PAM = AsciiBytes.of("PAM: ");
    private static final byte[] NO_IDENT = AsciiBytes.of("Did not receive identification string from ");
    private static final byte[] MAX_ATTEMPTS = AsciiBytes.of("maximum authentication attempts exceeded for ");
    private static final byte[] BAD_VERSION = AsciiBytes.of("Bad protocol version identification ");
    private static final byte[] NEGOTIATE = AsciiBytes.of("Unable to negotiate with ");
    private static final byte[] TIMEOUT = AsciiBytes.of("Timeout before authentication for ");
    private static final byte[] CONNECTION_FROM = AsciiBytes.of("connection from ");
    private static final byte[] REFUSED = AsciiBytes.of("refused connect from ");
    private static final byte[] RECEIVED_DISCONNECT = AsciiBytes.of("Received disconnect from ");
    private static final byte[] CLOSED_BY = AsciiBytes.of("Connection closed by ");
    private static final byte[] RESET_BY = AsciiBytes.of("Connection reset by ");
    private static final byte[] DISCONNECTED_FROM = AsciiBytes.of("Disconnected from ");
    private static final byte[] BANNER = AsciiBytes.of("banner exchange: Connection from ");
    private static final byte[] DISPATCH = AsciiBytes.of("ssh_dispatch_run_fatal: Connection from ");
    private static final byte[] AUTHENTICATING_USER = AsciiBytes.of("authenticating user ");
    private static final byte[] PREAUTH = AsciiBytes.of(" [preauth]");
    private static final byte[] OPEN_PAREN = AsciiBytes.of(" (");
    private static final byte[] AUTH_FAIL_CODE = AsciiBytes.of(": 3: ");

    private final SshLoginLine login = new SshLoginLine();

    /** Recognizes the sshd message {@code b[from, to)}; fills {@code out} and returns true on a match. */
    boolean match(byte[] b, int from, int to, SecuritySignal out) {
        int at = indexOf(b, from, to, FAILED);
        if (at != NOT_FOUND) {
            return failed(b, at + FAILED.length, to, out);
        }
        at = indexOf(b, from, to, ACCEPTED);
        if (at != NOT_FOUND) {
            return login.read(b, afterFirst(b, at, to, FOR), to, out) && set(out, SecurityAction.AUTH_SUCCESS);
        }
        return userLines(b, from, to, out) || probes(b, from, to, out) || disconnects(b, from, to, out);
    }

    private boolean failed(byte[] b, int method, int to, SecuritySignal out) {
        int forAt = indexOf(b, method, to, FOR);
        if (forAt == NOT_FOUND || !login.read(b, forAt + FOR.length, to, out)) {
            return false;
        }
        if (login.invalidUser) {
            return set(out, SecurityAction.INVALID_USER);
        }
        // a key the server does not know, for an existing user, is how every client with several keys starts
        return !AsciiBytes.startsWith(b, method, forAt, PUBLICKEY) && set(out, SecurityAction.AUTH_FAILURE);
    }

    private boolean userLines(byte[] b, int from, int to, SecuritySignal out) {
        int at = indexOf(b, from, to, INVALID_USER);
        if (at != NOT_FOUND) {
            return login.read(b, at, to, out) && set(out, SecurityAction.INVALID_USER);
        }
        if (AsciiBytes.startsWith(b, from, to, USER) && indexOf(b, from, to, NOT_ALLOWED) != NOT_FOUND) {
            return login.read(b, from + USER.length, to, out) && set(out, SecurityAction.AUTH_FAILURE);
        }
        at = afterFirst(b, from, to, ROOT_REFUSED);
        if (at != NOT_FOUND) {
            return SourceHost.capture(b, at, to, out) != NOT_FOUND && set(out, SecurityAction.AUTH_FAILURE);
        }
        at = afterFirst(b, from, to, PAM);
        if (at != NOT_FOUND && indexOf(b, at, to, FOR) != NOT_FOUND) {
            return login.read(b, afterFirst(b, at, to, FOR), to, out) && set(out, login.invalidUser
                ? SecurityAction.INVALID_USER : SecurityAction.AUTH_FAILURE);
        }
        return false;
    }

    private boolean probes(byte[] b, int from, int to, SecuritySignal out) {
        int at = afterFirst(b, from, to, NO_IDENT);
        if (at == NOT_FOUND) {
            at = afterFirst(b, from, to, NEGOTIATE);
        }
        if (at == NOT_FOUND) {
            at = afterFirst(b, from, to, BANNER);
        }
        if (at == NOT_FOUND) {
            at = afterFirst(b, from, to, DISPATCH);
        }
        if (at == NOT_FOUND) {
            at = afterFirst(b, from, to, TIMEOUT);
            at = at == NOT_FOUND ? NOT_FOUND : Math.max(at, after(b, at, to, CONNECTION_FROM));
        }
        if (at != NOT_FOUND) {
            return SourceHost.capture(b, at, to, out) != NOT_FOUND && set(out, SecurityAction.PROBE);
        }
        at = afterFirst(b, from, to, MAX_ATTEMPTS);
        if (at != NOT_FOUND) {
            return login.read(b, at, to, out) && set(out, SecurityAction.PROBE);
        }
        at = indexOf(b, from, to, BAD_VERSION);
        if (at != NOT_FOUND) {
            return SourceHost.capture(b, afterLast(b, at, to, FROM), to, out) != NOT_FOUND && set(out, SecurityAction.PROBE);
        }
        at = afterFirst(b, from, to, REFUSED);
        if (at != NOT_FOUND) {
            int open = indexOf(b, at, to, OPEN_PAREN);
            return open != NOT_FOUND && SourceHost.capture(b, open + 2, to, out) != NOT_FOUND
                && set(out, SecurityAction.PROBE);
        }
        return false;
    }

    /** Connection closed/reset/disconnected before authentication ended: only with sshd's {@code [preauth]} mark. */
    private boolean disconnects(byte[] b, int from, int to, SecuritySignal out) {
        boolean preauth = AsciiBytes.endsWith(b, from, to, PREAUTH);
        int at = afterFirst(b, from, to, RECEIVED_DISCONNECT);
        if (at != NOT_FOUND) {
            // reason 3 is the client's own "Auth fail"; anything else counts only before authentication
            boolean authFail = indexOf(b, at, to, AUTH_FAIL_CODE) != NOT_FOUND;
            return (preauth || authFail) && SourceHost.capture(b, at, to, out) != NOT_FOUND
                && set(out, SecurityAction.PROBE);
        }
        if (!preauth) {
            return false;
        }
        at = afterFirst(b, from, to, CLOSED_BY);
        if (at == NOT_FOUND) {
            at = afterFirst(b, from, to, RESET_BY);
        }
        if (at == NOT_FOUND) {
            at = afterFirst(b, from, to, DISCONNECTED_FROM);
            if (at != NOT_FOUND && AsciiBytes.startsWith(b, at, to, AUTHENTICATING_USER)) {
                return false; // also logged when a client gives up on its own; fail2ban does not count it alone
            }
        }
        return at != NOT_FOUND && login.readTrailing(b, at, to - PREAUTH.length, out)
            && set(out, SecurityAction.PROBE);
    }

    /** Index after the last {@code needle} (the earlier ones may be in attacker text), or NOT_FOUND. */
    private static int afterLast(byte[] b, int from, int to, byte[] needle) {
        int at = AsciiBytes.lastIndexOf(b, from, to, needle);
        return at == NOT_FOUND ? NOT_FOUND : at + needle.length;
    }

    private static boolean set(SecuritySignal out, SecurityAction action) {
        out.action(action);
        return true;
    }
}
