package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;
import static io.sluice.analyzers.security.recognize.AsciiBytes.indexOf;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;

/**
 * fail2ban's own log: {@code fail2ban.actions: NOTICE [jail] Ban H} is a PROBE from H (another host's fail2ban has
 * judged it); {@code Unban} is not recognized, nor a ban by the {@code recidive} jail (it re-bans what the other jails
 * already reported, counting it again would feed its own input). Thread contract: stateless; allocation-free.
 */
final class Fail2banBanMatcher {
    private static final byte[] BAN = AsciiBytes.of("] Ban ");
    private static final byte[] RECIDIVE = AsciiBytes.of("[recidive]");

    /** Recognizes the fail2ban line {@code b[from, to)}. */
    boolean match(byte[] b, int from, int to, SecuritySignal out) {
        int ban = indexOf(b, from, to, BAN);
        if (ban == NOT_FOUND || indexOf(b, from, ban + 1, RECIDIVE) != NOT_FOUND) {
            return false;
        }
        if (SourceHost.capture(b, AsciiBytes.skipSpaces(b, ban + BAN.length, to), to, out) == NOT_FOUND) {
            return false;
        }
        out.action(SecurityAction.PROBE);
        return true;
    }
}
