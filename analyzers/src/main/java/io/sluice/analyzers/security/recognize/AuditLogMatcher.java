package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;
import static io.sluice.analyzers.security.recognize.AsciiBytes.indexOf;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;

/**
 * Linux audit (auditd / SELinux) authentication records: {@code type=USER_AUTH} or {@code type=USER_ERR} with
 * {@code res=failed} is an AUTH_FAILURE from {@code addr=} for {@code acct="U"}. {@code type=USER_LOGIN res=failed} is
 * not recognized: the PAM stack writes it for the same attempt right after the USER_AUTH/USER_ERR record (fail2ban's
 * selinux-ssh filter does not count it either). Thread contract: stateless; allocation-free.
 */
final class AuditLogMatcher {
    private static final byte[] USER_AUTH = AsciiBytes.of("type=USER_AUTH ");
    private static final byte[] USER_ERR = AsciiBytes.of("type=USER_ERR ");
    private static final byte[] RES_FAILED = AsciiBytes.of("res=failed");
    private static final byte[] ADDR = AsciiBytes.of(" addr=");
    private static final byte[] ACCT = AsciiBytes.of(" acct=\"");

    /** Recognizes the audit record {@code b[from, to)}. */
    boolean match(byte[] b, int from, int to, SecuritySignal out) {
        if (!AsciiBytes.startsWith(b, from, to, USER_AUTH) && !AsciiBytes.startsWith(b, from, to, USER_ERR)) {
            return false;
        }
        int addr = indexOf(b, from, to, ADDR);
        if (addr == NOT_FOUND || indexOf(b, addr, to, RES_FAILED) == NOT_FOUND) {
            return false;
        }
        SourceHost.capture(b, addr + ADDR.length, to, out); // "addr=?" leaves the source absent
        int acct = indexOf(b, from, addr, ACCT);
        if (acct != NOT_FOUND) {
            int user = acct + ACCT.length;
            int end = AsciiBytes.indexOfByte(b, user, addr, '"');
            if (end > user && !(end == user + 1 && b[user] == '?')) {
                out.user(user, end - user);
            }
        }
        out.action(SecurityAction.AUTH_FAILURE);
        return true;
    }
}
