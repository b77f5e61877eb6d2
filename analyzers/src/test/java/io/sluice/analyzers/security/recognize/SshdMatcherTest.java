package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.SecurityAction.AUTH_FAILURE;
import static io.sluice.analyzers.security.SecurityAction.AUTH_SUCCESS;
import static io.sluice.analyzers.security.SecurityAction.INVALID_USER;
import static io.sluice.analyzers.security.SecurityAction.PROBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.analyzers.security.SecurityAction;
import org.junit.jupiter.api.Test;

class SshdMatcherTest {
    private static final String H = "Nov 23 10:00:00 bastion sshd[4242]: ";

    @Test
    void shouldReadFailedPasswordForExistingAndInvalidUsers() {
        expect(H + "Failed password for root from 203.0.113.9 port 50022 ssh2", AUTH_FAILURE, "203.0.113.9", "root");
        expect(H + "Failed password for invalid user admin from 203.0.113.9 port 50022 ssh2", INVALID_USER,
            "203.0.113.9", "admin");
        expect(H + "Failed keyboard-interactive/pam for invalid user oracle from 2001:db8::7 port 2 ssh2",
            INVALID_USER, "2001:db8::7", "oracle");
        expect(H + "Failed password for invalid user ROOT from 192.030.0.6", INVALID_USER, "192.030.0.6", "ROOT");
    }

    @Test
    void shouldTakeTheHostSshdWroteNotOneInTheUserName() {
        expect(H + "Failed password for invalid user test from 10.10.1.2 port 55555 ssh2 from 127.0.0.1 port 58946 ssh2",
            INVALID_USER, "127.0.0.1", "test from 10.10.1.2 port 55555 ssh2");
        expect(H + "Failed password for invalid user test from 127.0.0.1 port 58946 ssh2: from 10.10.1.2 port 5 ssh2",
            INVALID_USER, "127.0.0.1", "test");
        expect(H + "Connection closed by authenticating user test 127.0.0.1 port 12345 192.0.2.11 port 46039 [preauth]",
            PROBE, "192.0.2.11", "test 127.0.0.1 port 12345");
    }

    @Test
    void shouldNotCountAPublicKeyTheServerDoesNotKnowForAnExistingUser() {
        assertNull(Recognized.line(H + "Failed publickey for git from 192.0.2.1 port 57904 ssh2: RSA SHA256:x"));
        expect(H + "Failed publickey for invalid user git from 192.0.2.1 port 57904 ssh2: RSA SHA256:x", INVALID_USER,
            "192.0.2.1", "git");
    }

    @Test
    void shouldReadSuccessesAsSuccesses() {
        expect(H + "Accepted publickey for deploy from 198.51.100.4 port 40000 ssh2: ED25519 SHA256:abc", AUTH_SUCCESS,
            "198.51.100.4", "deploy");
        expect(H + "Accepted password for alice from 198.51.100.4 port 40000 ssh2", AUTH_SUCCESS, "198.51.100.4",
            "alice");
    }

    @Test
    void shouldReadInvalidUsersAndRefusals() {
        expect(H + "Invalid user webmaster from 173.234.31.186", INVALID_USER, "173.234.31.186", "webmaster");
        expect(H + "Invalid user  from 192.0.2.68 port 34916", INVALID_USER, "192.0.2.68", "");
        expect(H + "User root from example.com not allowed because not listed in AllowUsers", AUTH_FAILURE,
            "example.com", "root");
        expect(H + "error: PAM: Authentication failure for myhlj1374 from 192.030.0.6", AUTH_FAILURE, "192.030.0.6",
            "myhlj1374");
        expect(H + "ROOT LOGIN REFUSED FROM ::ffff:1.2.3.4", AUTH_FAILURE, "1.2.3.4", null);
    }

    @Test
    void shouldReadPreAuthenticationProbes() {
        expect(H + "Did not receive identification string from 69.61.56.114", PROBE, "69.61.56.114", null);
        expect(H + "error: maximum authentication attempts exceeded for root from 61.0.0.1 port 49940 ssh2 [preauth]",
            PROBE, "61.0.0.1", "root");
        expect(H + "Connection closed by authenticating user root 192.0.2.10 port 46038 [preauth]", PROBE,
            "192.0.2.10", "root");
        expect(H + "Connection closed by 192.0.2.212 [preauth]", PROBE, "192.0.2.212", null);
        expect(H + "Unable to negotiate with 192.0.2.4 port 50404: no matching host key type found.", PROBE,
            "192.0.2.4", null);
        expect(H + "Received disconnect from 89.24.13.192: 3: com.jcraft.jsch.JSchException: Auth fail", PROBE,
            "89.24.13.192", null);
    }

    @Test
    void shouldIgnoreOrdinaryConnectionsAndDisconnects() {
        assertNull(Recognized.line(H + "Connection from 192.0.2.5 port 40000 on 10.0.0.1 port 22"));
        assertNull(Recognized.line(H + "Connection closed by 192.0.2.5 port 40000"));
        assertNull(Recognized.line(H + "Received disconnect from 192.0.2.5 port 40000:11: disconnected by user"));
        assertNull(Recognized.line(H + "pam_unix(sshd:session): session opened for user alice by (uid=0)"));
        assertNull(Recognized.line(H + "Server listening on 0.0.0.0 port 22."));
    }

    @Test
    void shouldLeaveTheModernPamEchoToSshdsOwnFailedLine() {
        assertNull(Recognized.line(H + "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh "
            + "ruser= rhost=192.0.2.112  user=root"));
    }

    @Test
    void shouldReadJournalLinesThatStayRaw() {
        expect("srv sshd[31602]: Failed password for invalid user ROOT from 194.117.26.69 port 50273 ssh2",
            INVALID_USER, "194.117.26.69", "ROOT");
        expect("Mar  3 00:17:22 [sshd]: User root from 211.188.220.49 not allowed because not listed in AllowUsers",
            AUTH_FAILURE, "211.188.220.49", "root");
    }

    private static void expect(String line, SecurityAction action, String ip, String user) {
        Recognized r = Recognized.line(line);
        assertEquals(new Recognized(action, ip, user, -1, -1, io.sluice.analyzers.security.AttackKind.NONE), r, line);
    }
}
