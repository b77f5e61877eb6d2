package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.SecurityAction.AUTH_FAILURE;
import static io.sluice.analyzers.security.SecurityAction.PRIVILEGE_FAILURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.analyzers.security.AttackKind;
import io.sluice.analyzers.security.SecurityAction;
import org.junit.jupiter.api.Test;

class PamSudoSuMatcherTest {
    private static final String T = "Nov 23 10:00:00 web1 ";

    @Test
    void shouldReadSudoFailuresAsPrivilegeFailures() {
        expect(T + "sudo:      bob : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/bob ; USER=root ; "
            + "COMMAND=/bin/bash", PRIVILEGE_FAILURE, null, "bob");
        expect(T + "sudo[811]: mallory : user NOT in sudoers ; TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/sh",
            PRIVILEGE_FAILURE, null, "mallory");
        expect(T + "sudo: pam_unix(sudo:auth): authentication failure; logname=bob uid=1000 euid=0 tty=/dev/pts/0 "
            + "ruser=bob rhost=  user=bob", PRIVILEGE_FAILURE, null, "bob");
    }

    @Test
    void shouldNotReadAGrantedSudoCommandOrASessionAsAFailure() {
        assertNull(Recognized.line(T + "sudo:      bob : TTY=pts/0 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/ls"));
        assertNull(Recognized.line(T + "sudo: pam_unix(sudo:session): session opened for user root by bob(uid=0)"));
    }

    @Test
    void shouldReadSuFailures() {
        expect(T + "su[2001]: FAILED SU (to root) bob on pts/0", PRIVILEGE_FAILURE, null, "bob");
        expect(T + "su: FAILED su for root by eve", PRIVILEGE_FAILURE, null, "eve");
        expect(T + "su: pam_unix(su:auth): authentication failure; logname=eve uid=1001 euid=0 tty=pts/2 ruser=eve "
            + "rhost=  user=root", PRIVILEGE_FAILURE, null, "root");
    }

    @Test
    void shouldReadPamFailuresOfRemoteServicesWithTheirHost() {
        expect(T + "vsftpd: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp "
            + "ruser=an8767 rhost=www.google.com", AUTH_FAILURE, "www.google.com", "an8767");
        expect("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 "
            + "tty=NODEVssh ruser= rhost=218.188.2.4 ", AUTH_FAILURE, "218.188.2.4", null);
    }

    @Test
    void shouldTakeTheRemoteHostPamWroteNotOneInTheUserName() {
        expect(T + "daemon: pam_unix(auth): authentication failure; logname= uid=0 euid=0 tty=xxx ruser=test "
            + "rhost=192.0.2.151 rhost=192.0.2.1", AUTH_FAILURE, "192.0.2.1", "test");
        expect(T + "daemon: pam_unix(auth): authentication failure; logname= uid=0 euid=0 tty=xxx ruser= "
            + "rhost=192.0.2.2 user=test rhost=192.0.2.152", AUTH_FAILURE, "192.0.2.2", "test");
    }

    private static void expect(String line, SecurityAction action, String ip, String user) {
        assertEquals(new Recognized(action, ip, user, -1, -1, AttackKind.NONE), Recognized.line(line), line);
    }
}
