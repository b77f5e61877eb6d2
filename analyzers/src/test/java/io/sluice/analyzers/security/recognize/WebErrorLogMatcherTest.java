package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.SecurityAction.AUTH_FAILURE;
import static io.sluice.analyzers.security.SecurityAction.INVALID_USER;
import static io.sluice.analyzers.security.SecurityAction.PROBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.analyzers.security.AttackKind;
import io.sluice.analyzers.security.SecurityAction;
import org.junit.jupiter.api.Test;

class WebErrorLogMatcherTest {
    @Test
    void shouldReadApacheAuthFailuresInBothLogFormats() {
        expect("[Wed Jul 17 22:18:52 2013] [error] [client 127.0.0.1] user username: authentication failure for "
            + "\"/basic/file\": Password Mismatch", AUTH_FAILURE, "127.0.0.1", "username");
        expect("[Sat Jul 20 21:39:11.978080 2013] [auth_basic:error] [pid 17512:tid 1401] [client 127.0.0.1:51390] "
            + "AH01617: user username: authentication failure for \"/basic/file\": Password Mismatch", AUTH_FAILURE,
            "127.0.0.1", "username");
        expect("[Thu Jul 11 01:21:43 2013] [error] [client 194.228.20.113] user dsfasdf not found: /", INVALID_USER,
            "194.228.20.113", "dsfasdf");
        expect("[Sat Jul 20 22:11:44.147674 2013] [authz_owner:error] [pid 1:tid 2] [client [2001:db8::1]:51548] "
            + "AH01637: Authorization of user bob to access /x failed, reason: file owner dan does not match",
            AUTH_FAILURE, "2001:db8::1", "bob");
        expect("[Sun Sep 14 21:44:43.008606 2014] [authz_core:error] [pid 10691] [client 192.3.9.178:44271] AH01630: "
            + "client denied by server configuration: /var/www/html/noentry", PROBE, "192.3.9.178", null);
    }

    @Test
    void shouldReadOnlyTheTextAfterTheFirstClientBracket() {
        assertNull(Recognized.line("[Sat Jun 01 02:17:42 2013] [error] [client 192.168.33.1] File does not exist: "
            + "/srv/http/site/[client 192.168.0.1] user root not found"));
        assertNull(Recognized.line("[Sun Jul 28 21:16:37 2013] [error] [client 127.0.0.1] Digest: invalid nonce "
            + "l19lgpDiBAZZZf1ec3 received - hash is not 6fda8bbcbcf85ff1ebfe7d1c43faba583bc53a02"));
    }

    @Test
    void shouldReadNginxAuthFailuresAndTheRealClient() {
        expect("2012/04/09 11:53:29 [error] 2865#0: *66647 user \"xyz\" was not found in \"/var/www/.htpasswd\", "
            + "client: 192.0.43.10, server: www.myhost.com, request: \"GET / HTTP/1.1\"", INVALID_USER, "192.0.43.10",
            "xyz");
        expect("2014/04/01 22:20:38 [error] 30708#0: *3 user \"scribendio\": password mismatch, client: 10.0.2.2, "
            + "server: , request: \"GET / HTTP/1.1\", host: \"localhost:8443\"", AUTH_FAILURE, "10.0.2.2",
            "scribendio");
        Recognized injected = Recognized.line("2014/04/03 22:20:40 [error] 30708#0: *3 user \"test\": password "
            + "mismatch, client: 127.0.0.1, server: test, request: \"GET / HTTP/1.1\", host: \"localhost:8443\"\": was "
            + "not found in \"/etc/nginx/.htpasswd\", client: 192.0.2.2, server: , request: \"GET / HTTP/1.1\"");
        assertEquals("192.0.2.2", injected.ip());
    }

    @Test
    void shouldIgnoreNginxErrorsThatAreNotAboutTheClient() {
        assertNull(Recognized.line("2020/11/25 16:02:45 [error] 76952#76952: *5645766 connect() failed (111: "
            + "Connection refused) while connecting to upstream, client: 5.126.32.148, server: www.google.de"));
    }

    private static void expect(String line, SecurityAction action, String ip, String user) {
        assertEquals(new Recognized(action, ip, user, -1, -1, AttackKind.NONE), Recognized.line(line), line);
    }
}
