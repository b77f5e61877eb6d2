package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;
import static io.sluice.analyzers.security.recognize.AsciiBytes.indexOf;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;

/**
 * Postfix smtpd/postscreen lines. {@code warning: name[H]: SASL <mech> authentication failed} and
 * {@code disconnect from name[H] ... auth=0/N} are AUTH_FAILURE (except a SASL failure caused by
 * {@code Connection lost to authentication server}); policy rejections and protocol abuse ({@code reject:},
 * {@code improper command pipelining}, {@code too many errors}, {@code lost connection after CONNECT/STARTTLS},
 * postscreen {@code PREGREET}/{@code HANGUP}/{@code COMMAND ... LIMIT}, rate limits, {@code does not resolve to
 * address H}) are PROBE. The client is the {@code [address]} after {@code from name} (or after {@code warning: name}).
 * Thread contract: stateless; allocation-free.
 */
final class PostfixMatcher {
    private static final byte[] SASL = AsciiBytes.of(": SASL ");
    private static final byte[] AUTH_FAILED = AsciiBytes.of(" authentication failed");
    private static final byte[] LOST_AUTH_SERVER = AsciiBytes.of("Connection lost to authentication server");
    private static final byte[] SASL_USERNAME = AsciiBytes.of("sasl_username=");
    private static final byte[] WARNING = AsciiBytes.of("warning: ");
    private static final byte[] DISCONNECT = AsciiBytes.of("disconnect from ");
    private static final byte[] AUTH_ZERO = AsciiBytes.of(" auth=0/");
    private static final byte[] FROM = AsciiBytes.of("from ");
    private static final byte[] NOT_RESOLVE = AsciiBytes.of(" does not resolve to address ");
    private static final LiteralSet PROBES = new LiteralSet("reject: ", "improper command pipelining after ",
        "too many errors after ", "lost connection after connect from", "lost connection after starttls from",
        "pregreet ", "hangup after ", "command time limit from", "command count limit from", "rate limit exceeded: ");

    /** Recognizes the postfix line {@code b[from, to)}. */
    boolean match(byte[] b, int from, int to, SecuritySignal out) {
        int sasl = indexOf(b, from, to, SASL);
        if (sasl != NOT_FOUND && indexOf(b, sasl, to, AUTH_FAILED) != NOT_FOUND) {
            if (indexOf(b, sasl, to, LOST_AUTH_SERVER) != NOT_FOUND) {
                return false; // the server's problem, not the client's guess
            }
            int warning = indexOf(b, from, sasl, WARNING);
            int user = AsciiBytes.afterFirst(b, sasl, to, SASL_USERNAME);
            if (user != NOT_FOUND) {
                out.user(user, AsciiBytes.spaceOrEnd(b, user, to) - user);
            }
            return bracketedHost(b, warning == NOT_FOUND ? from : warning, sasl + 1, out)
                && set(out, SecurityAction.AUTH_FAILURE);
        }
        int disconnect = indexOf(b, from, to, DISCONNECT);
        if (disconnect != NOT_FOUND && indexOf(b, disconnect, to, AUTH_ZERO) != NOT_FOUND) {
            return bracketedHost(b, disconnect, to, out) && set(out, SecurityAction.AUTH_FAILURE);
        }
        int resolve = AsciiBytes.afterFirst(b, from, to, NOT_RESOLVE);
        if (resolve != NOT_FOUND) {
            return SourceHost.capture(b, resolve, to, out) != NOT_FOUND && set(out, SecurityAction.PROBE);
        }
        if (!PROBES.containsAny(b, from, to)) {
            return false;
        }
        int fromAt = indexOf(b, from, to, FROM);
        return fromAt != NOT_FOUND && bracketedHost(b, fromAt, to, out) && set(out, SecurityAction.PROBE);
    }

    /** The first {@code [address]} in {@code b[from, to)}. */
    private static boolean bracketedHost(byte[] b, int from, int to, SecuritySignal out) {
        int open = AsciiBytes.indexOfByte(b, from, to, '[');
        return open != NOT_FOUND && SourceHost.capture(b, open, to, out) != NOT_FOUND;
    }

    private static boolean set(SecuritySignal out, SecurityAction action) {
        out.action(action);
        return true;
    }
}
