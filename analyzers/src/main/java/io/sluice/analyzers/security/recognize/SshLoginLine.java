package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;
import static io.sluice.analyzers.security.recognize.AsciiBytes.indexOf;

import io.sluice.analyzers.security.SecuritySignal;

/**
 * The {@code [invalid user ]USER from HOST [port N] [ssh2]} tail sshd writes after {@code for} (and the
 * {@code [authenticating user USER ]HOST [port N]} tail of its disconnect lines). The user name is the client's own
 * text and may contain {@code from 1.2.3.4}: the host is the first {@code from} candidate that is not itself followed
 * by another {@code from}, which is where sshd's own text resumes ({@code port}, {@code ssh2}, {@code :}, the end).
 *
 * <p>Thread contract: scratch state ({@link #invalidUser}) for its one owning matcher; allocation-free.
 */
final class SshLoginLine {
    private static final byte[] FROM = AsciiBytes.of(" from ");
    private static final byte[] PORT = AsciiBytes.of(" port ");
    private static final byte[] SSH = AsciiBytes.of(" ssh");
    private static final byte[] AUTHENTICATING_USER = AsciiBytes.of("authenticating user ");
    private static final byte[] INVALID_USER = AsciiBytes.of("invalid user ");
    private static final byte[][] INVALID_PREFIXES = {INVALID_USER, AsciiBytes.of("Invalid user "),
        AsciiBytes.of("illegal user "), AsciiBytes.of("<invalid username>")};

    /** Whether the last {@link #read} saw {@code invalid user}/{@code illegal user}/{@code <invalid username>}. */
    boolean invalidUser;

    /** Reads {@code [invalid user ]USER from HOST ...} at {@code at}; sets user and source, false without a host. */
    boolean read(byte[] b, int at, int to, SecuritySignal out) {
        if (at == NOT_FOUND) {
            return false;
        }
        int prefix = invalidUserPrefix(b, at, to);
        invalidUser = prefix > 0;
        int userStart = at + prefix;
        int fromAt = indexOf(b, prefix > 0 ? userStart - 1 : userStart, to, FROM); // "invalid user from ..."
        int chosen = NOT_FOUND;
        while (fromAt != NOT_FOUND) {
            int hostEnd = SourceHost.capture(b, fromAt + FROM.length, to, out);
            chosen = hostEnd == NOT_FOUND ? chosen : fromAt;
            if (hostEnd != NOT_FOUND && !followedByFrom(b, hostEnd, to)) {
                break;
            }
            fromAt = indexOf(b, fromAt + FROM.length, to, FROM);
        }
        if (chosen == NOT_FOUND) {
            return false;
        }
        if (fromAt == NOT_FOUND) {
            SourceHost.capture(b, chosen + FROM.length, to, out); // none ended cleanly: the last one with a host
        }
        int userEnd = fromAt == NOT_FOUND ? chosen : fromAt;
        if (b[at] != '<') {
            out.user(userStart, Math.max(0, userEnd - userStart));
        }
        return true;
    }

    /** Length of an {@code invalid user }-style prefix at {@code at}, or 0. */
    private static int invalidUserPrefix(byte[] b, int at, int to) {
        for (byte[] prefix : INVALID_PREFIXES) {
            if (AsciiBytes.startsWith(b, at, to, prefix)) {
                return prefix.length;
            }
        }
        return 0;
    }

    /**
     * Reads {@code [authenticating user U |invalid user U ]HOST [port N]} ending at {@code end}: the host is the last
     * word (after dropping {@code port N}), so a user name with spaces cannot move it.
     */
    boolean readTrailing(byte[] b, int at, int end, SecuritySignal out) {
        int hostEnd = end;
        int lastPort = AsciiBytes.lastIndexOf(b, at, end, PORT);
        if (lastPort != NOT_FOUND && AsciiBytes.parseDigits(b, lastPort + PORT.length, end) != NOT_FOUND) {
            hostEnd = lastPort;
        }
        int hostStart = hostEnd;
        while (hostStart > at && b[hostStart - 1] != ' ') {
            hostStart--;
        }
        if (!isAddress(b, hostStart, hostEnd) || SourceHost.capture(b, hostStart, hostEnd, out) == NOT_FOUND) {
            return false;
        }
        int userStart = AsciiBytes.after(b, at, end, AUTHENTICATING_USER);
        if (userStart == NOT_FOUND) {
            userStart = AsciiBytes.after(b, at, end, INVALID_USER);
        }
        if (userStart != NOT_FOUND && hostStart - 1 >= userStart) {
            out.user(userStart, hostStart - 1 - userStart);
        }
        return true;
    }

    private static boolean followedByFrom(byte[] b, int at, int to) {
        int p = at;
        int port = AsciiBytes.after(b, p, to, PORT);
        if (port != NOT_FOUND) {
            p = port;
            while (p < to && AsciiBytes.isDigit(b[p])) {
                p++;
            }
        }
        int ssh = AsciiBytes.after(b, p, to, SSH);
        if (ssh != NOT_FOUND) {
            p = ssh;
            while (p < to && AsciiBytes.isDigit(b[p])) {
                p++;
            }
        }
        return AsciiBytes.startsWith(b, p, to, FROM);
    }

    /** Hex digits, dots and colons, starting with a hex digit or a colon: an IPv4 or IPv6 address. */
    static boolean isAddress(byte[] b, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            byte c = AsciiBytes.lower(b[i]);
            if (!(AsciiBytes.isDigit(c) || (c >= 'a' && c <= 'f') || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }
}
