package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;
import static io.sluice.analyzers.security.recognize.AsciiBytes.indexOf;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;

/**
 * Dovecot login and auth-worker lines. {@code imap-login: ... (auth failed, N attempts ...): user=<U>, ... rip=H},
 * {@code (tried to use disabled/disallowed ... auth)} and {@code (proxy dest auth failed)} are AUTH_FAILURE; a
 * passdb line {@code pam(U,H[,<session>]): unknown user} is INVALID_USER, with {@code Password mismatch},
 * {@code pam_authenticate() failed} or {@code invalid credentials} AUTH_FAILURE; clients that hang up during TLS or
 * before finishing SASL are PROBE. {@code (no auth attempts ...)} alone is not recognized (every idle client).
 * Thread contract: stateless; allocation-free.
 */
final class DovecotMatcher {
    private static final byte[] RIP = AsciiBytes.of("rip=");
    private static final byte[] USER = AsciiBytes.of("user=<");
    private static final LiteralSet LOGIN_FAILURES = new LiteralSet("(auth failed, ", "(tried to use disabled ",
        "(tried to use disallowed ", "(proxy dest auth failed)");
    private static final LiteralSet LOGIN_PROBES = new LiteralSet("(disconnected before auth was ready",
        "(client didn't finish sasl auth", "(disconnected during tls handshake)");
    private static final byte[] UNKNOWN_USER = AsciiBytes.of("): unknown user");
    private static final byte[][] PASSDB_FAILURES = {AsciiBytes.of("Password mismatch"),
        AsciiBytes.of("pam_authenticate() failed"), AsciiBytes.of("invalid credentials"),
        AsciiBytes.of("unknown user")};

    /** Recognizes the dovecot line {@code b[from, to)}. */
    boolean match(byte[] b, int from, int to, SecuritySignal out) {
        int rip = indexOf(b, from, to, RIP);
        if (rip != NOT_FOUND && (rip == from || b[rip - 1] == ' ')) {
            SecurityAction action = LOGIN_FAILURES.containsAny(b, from, rip) ? SecurityAction.AUTH_FAILURE
                : LOGIN_PROBES.containsAny(b, from, rip) ? SecurityAction.PROBE : null;
            return action != null && login(b, from, rip + RIP.length, to, action, out);
        }
        for (byte[] phrase : PASSDB_FAILURES) {
            int at = indexOf(b, from, to, phrase);
            if (at != NOT_FOUND && passdb(b, from, at, out)) {
                boolean unknown = indexOf(b, from, to, UNKNOWN_USER) != NOT_FOUND;
                out.action(unknown ? SecurityAction.INVALID_USER : SecurityAction.AUTH_FAILURE);
                return true;
            }
        }
        return false;
    }

    private static boolean login(byte[] b, int from, int host, int to, SecurityAction action, SecuritySignal out) {
        if (SourceHost.capture(b, host, to, out) == NOT_FOUND) {
            return false;
        }
        int user = indexOf(b, from, host, USER);
        if (user != NOT_FOUND) {
            int start = user + USER.length;
            int end = AsciiBytes.indexOfByte(b, start, host, '>');
            if (end > start) {
                out.user(start, end - start);
            }
        }
        out.action(action);
        return true;
    }

    /** The last {@code (user,address...)} before {@code phrase}: sets user and source. */
    private static boolean passdb(byte[] b, int from, int phrase, SecuritySignal out) {
        boolean found = false;
        for (int open = AsciiBytes.indexOfByte(b, from, phrase, '('); open != NOT_FOUND;
             open = AsciiBytes.indexOfByte(b, open + 1, phrase, '(')) {
            int comma = open + 1;
            while (comma < phrase && b[comma] != ',' && b[comma] != ')' && b[comma] != ' ') {
                comma++;
            }
            int hostEnd = comma + 1;
            while (hostEnd < phrase && SourceHost.isHostByte(b[hostEnd])) {
                hostEnd++;
            }
            if (comma < phrase && b[comma] == ',' && SshLoginLine.isAddress(b, comma + 1, hostEnd)
                && SourceHost.capture(b, comma + 1, hostEnd, out) != NOT_FOUND) {
                out.user(open + 1, comma - open - 1);
                found = true;
            }
        }
        return found;
    }
}
