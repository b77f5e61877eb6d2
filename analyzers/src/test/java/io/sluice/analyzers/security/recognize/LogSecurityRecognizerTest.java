package io.sluice.analyzers.security.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogSecurityRecognizerTest {
    @Test
    void shouldCountAsFailuresExactlyWhatFail2banWouldCountTowardsABan() {
        Set<SecurityAction> failures = EnumSet.noneOf(SecurityAction.class);
        for (SecurityAction action : SecurityAction.values()) {
            if (LogSecurityRecognizer.isFailure(new SecuritySignal().action(action))) {
                failures.add(action);
            }
        }
        assertEquals(EnumSet.of(SecurityAction.AUTH_FAILURE, SecurityAction.INVALID_USER,
            SecurityAction.PRIVILEGE_FAILURE, SecurityAction.PROBE, SecurityAction.WEB_ATTACK), failures);
        assertFalse(LogSecurityRecognizer.isFailure(new SecuritySignal()));
    }

    @Test
    void shouldNotRecognizeOrdinaryApplicationLines() {
        for (String line : new String[] {
            "Nov 23 10:00:00 app1 orders[812]: order 4711 placed by user=alice in 35 ms",
            "<14>1 2026-11-23T10:00:00Z app1 billing 77 - - invoice sent, status=ok",
            "2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - done",
            "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660",
            "Nov 23 10:00:00 app1 CRON[100]: pam_unix(cron:session): session opened for user root by (uid=0)",
            "", " "}) {
            assertNull(Recognized.line(line), line);
        }
    }

    @Test
    void shouldReadTheMessageWhenJsonAttributesAreNoSecurityEvent() {
        Recognized r = Recognized.of(io.sluice.analyzers.TestLogEvents.event().app("sshd")
            .message("Invalid user guest from 192.0.2.50 port 1234").attributes("{\"trace_id\":\"abc\"}").build());
        assertEquals(SecurityAction.INVALID_USER, r.action());
        assertEquals("192.0.2.50", r.ip());
    }

    @Test
    void shouldReadFail2bansOwnBansButNotTheRecidiveJails() {
        Recognized ban = Recognized.line("Jan 16 17:11:25 testorg fail2ban.actions[6605]: NOTICE [postfix-auth] "
            + "Ban 192.0.2.1");
        assertEquals(SecurityAction.PROBE, ban.action());
        assertEquals("192.0.2.1", ban.ip());
        assertNull(Recognized.line("2006-02-13 15:52:30,388 fail2ban.actions: NOTICE [recidive] Ban 1.2.3.4"));
        assertNull(Recognized.line("2006-02-13 16:07:31,183 fail2ban.actions: NOTICE [sendmail] Unban 1.2.3.4"));
    }

    @Test
    void shouldReadMailServerAuthFailures() {
        Recognized dovecot = Recognized.line("Jun 13 16:30:54 platypus dovecot: imap-login: Disconnected (auth failed, "
            + "2 attempts): user=<bob>, method=PLAIN, rip=49.176.98.87, lip=113.212.99.194, TLS");
        assertEquals(new Recognized(SecurityAction.AUTH_FAILURE, "49.176.98.87", "bob", -1, -1,
            io.sluice.analyzers.security.AttackKind.NONE), dovecot);
        Recognized postfix = Recognized.line("Mar 10 13:33:30 gandalf postfix/smtpd[3937]: warning: HOSTNAME[1.1.1.1]: "
            + "SASL LOGIN authentication failed: authentication failure");
        assertEquals(SecurityAction.AUTH_FAILURE, postfix.action());
        assertEquals("1.1.1.1", postfix.ip());
        assertNull(Recognized.line("Feb  3 08:29:28 mail postfix/smtpd[21022]: warning: unknown[1.1.1.1]: SASL LOGIN "
            + "authentication failed: Connection lost to authentication server"));
    }

    @Test
    void shouldReadAuditAuthFailuresButNotTheLoginRecordThatEchoesThem() {
        String common = "uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 ";
        Recognized auth = Recognized.line("type=USER_AUTH msg=audit(1383116263.000:603): pid=12887 " + common
            + "msg='op=password acct=\"dan\" exe=\"/usr/sbin/sshd\" hostname=? addr=192.168.3.100 terminal=ssh "
            + "res=failed'");
        assertEquals(new Recognized(SecurityAction.AUTH_FAILURE, "192.168.3.100", "dan", -1, -1,
            io.sluice.analyzers.security.AttackKind.NONE), auth);
        assertNull(Recognized.line("type=USER_LOGIN msg=audit(1383116048.000:595): pid=12354 " + common
            + "msg='op=login acct=\"dan\" exe=\"/usr/sbin/sshd\" hostname=? addr=192.168.3.100 terminal=ssh "
            + "res=failed'"));
        assertNull(Recognized.line("type=USER_AUTH msg=audit(1383116263.000:604): pid=12887 " + common
            + "msg='op=password acct=\"dan\" exe=\"/usr/sbin/sshd\" hostname=? addr=192.168.3.100 terminal=ssh "
            + "res=success'"));
    }

    @Test
    void shouldReadDovecotPassdbFailuresWithUserAndAddress() {
        Recognized unknown = Recognized.line("Jan 29 05:13:50 mail dovecot: auth: passwd-file(username,1.2.3.4): "
            + "unknown user");
        assertEquals(new Recognized(SecurityAction.INVALID_USER, "1.2.3.4", "username", -1, -1,
            io.sluice.analyzers.security.AttackKind.NONE), unknown);
        Recognized mismatch = Recognized.line("Jun 11 13:57:17 main dovecot: auth: sql(admin@example.ru,"
            + "192.168.144.226,<6rXunFtu493AqJDi>): Password mismatch");
        assertEquals(new Recognized(SecurityAction.AUTH_FAILURE, "192.168.144.226", "admin@example.ru", -1, -1,
            io.sluice.analyzers.security.AttackKind.NONE), mismatch);
        assertNull(Recognized.line("Jun 13 20:48:11 platypus dovecot: pop3-login: Disconnected (no auth attempts): "
            + "rip=121.44.24.254, lip=113.212.99.194, TLS: Disconnected"));
    }

    /**
     * Decided, not an accident: fail2ban's pam-generic sample marks {@code pop(pam_unix)[4920]: authentication
     * failure ... rhost=192.168.10.3} as no match only because its line-prefix regex does not accept that tag form;
     * it is the same old-PAM failure as loghub's {@code sshd(pam_unix)[19939]:} lines, so Sluice reports it.
     */
    @Test
    void shouldReportOldStylePamTagsAsFailures() {
        Recognized r = Recognized.line("Nov 25 17:12:13 webmail pop(pam_unix)[4920]: authentication failure; logname= "
            + "uid=0 euid=0 tty= ruser= rhost=192.168.10.3 user=mailuser");
        assertTrue(r.isFailure());
        assertEquals("192.168.10.3", r.ip());
    }
}
