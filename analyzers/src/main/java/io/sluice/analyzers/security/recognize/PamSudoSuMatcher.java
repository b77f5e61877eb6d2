package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;
import static io.sluice.analyzers.security.recognize.AsciiBytes.indexOf;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;

/**
 * PAM {@code authentication failure; ... ruser=R rhost=H [user=U]} from any service, and the privilege-escalation
 * lines of sudo ({@code U : N incorrect password attempts ;}, {@code U : user NOT in sudoers ;}) and su
 * ({@code FAILED SU (to root) U on pts/0}, {@code FAILED su for root by U}).
 *
 * <p>PAM failures of the sudo/su services are {@link SecurityAction#PRIVILEGE_FAILURE}, of others
 * {@link SecurityAction#AUTH_FAILURE}. The modern sshd PAM line ({@code pam_unix(sshd:auth): authentication failure})
 * is NOT recognized: sshd logs its own {@code Failed password for U from H} for the same attempt, so counting both
 * would double every SSH failure (fail2ban's sshd filter ignores it too). The old form ({@code sshd(pam_unix)},
 * {@code (pam_unix) authentication failure}) is recognized: those sshd versions logged nothing else.
 *
 * <p>The host is the last {@code rhost=} before the first {@code user=} that follows an {@code rhost=}: PAM writes
 * {@code ruser} first and {@code user} last, so a client-chosen name holding {@code rhost=} cannot move it.
 * Thread contract: stateless; allocation-free.
 */
final class PamSudoSuMatcher {
    private static final byte[] AUTH_FAILURE = AsciiBytes.of("authentication failure;");
    private static final byte[] SSHD_SERVICE = AsciiBytes.of("(sshd:");
    private static final byte[] SUDO_SERVICE = AsciiBytes.of("(sudo:");
    private static final byte[] SU_SERVICE = AsciiBytes.of("(su:");
    private static final byte[] SU_L_SERVICE = AsciiBytes.of("(su-l:");
    private static final byte[] RHOST = AsciiBytes.of(" rhost=");
    private static final byte[] USER = AsciiBytes.of(" user=");
    private static final byte[] RUSER = AsciiBytes.of(" ruser=");
    private static final byte[] LOGNAME = AsciiBytes.of("logname=");
    private static final byte[] INCORRECT_ATTEMPTS = AsciiBytes.of(" incorrect password attempt");
    private static final byte[] NOT_IN_SUDOERS = AsciiBytes.of("user NOT in sudoers");
    private static final byte[] FAILED_SU_TO = AsciiBytes.of("FAILED SU (to ");
    private static final byte[] FAILED_SU_FOR = AsciiBytes.of("FAILED su for ");
    private static final byte[] BY = AsciiBytes.of(" by ");
    private static final byte[] COLON = AsciiBytes.of(" : ");
    private static final byte[] CLOSE = AsciiBytes.of(") ");

    /**
     * Recognizes {@code b[from, to)}; {@code privilegedProgram} says the line came from sudo or su (then a PAM
     * failure is a privilege failure even if the module names no service).
     */
    boolean match(byte[] b, int from, int to, boolean privilegedProgram, SecuritySignal out) {
        int at = indexOf(b, from, to, AUTH_FAILURE);
        if (at != NOT_FOUND) {
            return pam(b, from, at, to, privilegedProgram, out);
        }
        return sudo(b, from, to, out) || su(b, from, to, out);
    }

    private boolean pam(byte[] b, int from, int phrase, int to, boolean privilegedProgram, SecuritySignal out) {
        if (indexOf(b, from, phrase, SSHD_SERVICE) != NOT_FOUND) {
            return false; // sshd's own "Failed ..." line carries this attempt
        }
        boolean privileged = privilegedProgram || indexOf(b, from, phrase, SUDO_SERVICE) != NOT_FOUND
            || indexOf(b, from, phrase, SU_SERVICE) != NOT_FOUND || indexOf(b, from, phrase, SU_L_SERVICE) != NOT_FOUND;
        int fields = phrase + AUTH_FAILURE.length;
        int rhost = remoteHost(b, fields, to);
        if (rhost != NOT_FOUND) {
            SourceHost.capture(b, rhost, to, out);
        }
        int user = userValue(b, rhost == NOT_FOUND ? fields : rhost, to, USER);
        if (user == NOT_FOUND || valueEnd(b, user, to) == user) {
            user = userValue(b, fields, to, RUSER);
        }
        if ((user == NOT_FOUND || valueEnd(b, user, to) == user) && privileged) {
            user = userValue(b, fields, to, LOGNAME);
        }
        if (user != NOT_FOUND && valueEnd(b, user, to) > user) {
            out.user(user, valueEnd(b, user, to) - user);
        }
        out.action(privileged ? SecurityAction.PRIVILEGE_FAILURE : SecurityAction.AUTH_FAILURE);
        return true;
    }

    /** Start of the value of the real {@code rhost=} (see the class comment), or NOT_FOUND. */
    private static int remoteHost(byte[] b, int from, int to) {
        int first = indexOf(b, from, to, RHOST);
        if (first == NOT_FOUND) {
            return NOT_FOUND;
        }
        int user = indexOf(b, first, to, USER);
        int limit = user == NOT_FOUND ? to : user;
        int chosen = first;
        int next = indexOf(b, first + RHOST.length, limit, RHOST);
        while (next != NOT_FOUND) {
            chosen = next;
            next = indexOf(b, next + RHOST.length, limit, RHOST);
        }
        int value = chosen + RHOST.length;
        return value < to && b[value] != ' ' ? value : NOT_FOUND;
    }

    private static int userValue(byte[] b, int from, int to, byte[] key) {
        int at = indexOf(b, from, to, key);
        return at == NOT_FOUND ? NOT_FOUND : at + key.length;
    }

    private static int valueEnd(byte[] b, int from, int to) {
        return AsciiBytes.spaceOrEnd(b, from, to);
    }

    /** {@code U : 3 incorrect password attempts ; ...} and {@code U : user NOT in sudoers ; ...}. */
    private static boolean sudo(byte[] b, int from, int to, SecuritySignal out) {
        int colon = indexOf(b, from, to, COLON);
        if (colon == NOT_FOUND || (indexOf(b, colon, to, INCORRECT_ATTEMPTS) == NOT_FOUND
            && indexOf(b, colon, to, NOT_IN_SUDOERS) == NOT_FOUND)) {
            return false;
        }
        int user = AsciiBytes.skipSpaces(b, from, colon);
        if (user < colon) {
            out.user(user, colon - user);
        }
        out.action(SecurityAction.PRIVILEGE_FAILURE);
        return true;
    }

    /** {@code FAILED SU (to root) U on pts/0} and {@code FAILED su for root by U}. */
    private static boolean su(byte[] b, int from, int to, SecuritySignal out) {
        int at = AsciiBytes.afterFirst(b, from, to, FAILED_SU_TO);
        if (at != NOT_FOUND) {
            int close = indexOf(b, at, to, CLOSE);
            at = close == NOT_FOUND ? NOT_FOUND : close + 2;
        } else {
            at = AsciiBytes.afterFirst(b, from, to, FAILED_SU_FOR);
            at = at == NOT_FOUND ? NOT_FOUND : AsciiBytes.afterFirst(b, at, to, BY);
        }
        if (at == NOT_FOUND) {
            return false;
        }
        int end = AsciiBytes.spaceOrEnd(b, at, to);
        if (end > at) {
            out.user(at, end - at);
        }
        out.action(SecurityAction.PRIVILEGE_FAILURE);
        return true;
    }
}
