package io.sluice.analyzers.security.recognize;

import io.sluice.analyzers.security.AttackKind;

/**
 * Attack signatures in an HTTP request target and scanner names in a User-Agent, matched as ASCII case-insensitive
 * literals (no regex, so no backtracking on hostile input). Only specific forms count: {@code union select} is SQL
 * injection, a path holding the word {@code select} is not.
 *
 * <p>Thread contract: immutable tables; allocation-free.
 */
final class WebAttackSignatures {
    private static final LiteralSet TRAVERSAL = new LiteralSet("../", "..\\", "..%2f", "..%5c", "%2e%2e", "/etc/passwd",
        "/proc/self/environ");
    private static final LiteralSet SQL_INJECTION = new LiteralSet("union select", "union+select",
        "union%20select", "union/**/select", "union+all+select", "union%20all%20select", "' or '", "'+or+'",
        "'%20or%20'", "%27%20or%20%27", "%27+or+%27", "%27%20or%20", "%27+or+", "' or 1=1", "'+or+1=1",
        "'%20or%201=1", "%20or%201=1", "' or ''='", "'--", "%27--", "sleep(", "sleep%28", "benchmark(",
        "waitfor delay", "waitfor%20delay", "information_schema", "@@version", "load_file(");
    private static final LiteralSet XSS = new LiteralSet("<script", "%3cscript", "onerror=", "onerror%3d", "onload=",
        "onload%3d", "javascript:", "javascript%3a", "<svg", "%3csvg");
    private static final LiteralSet COMMAND_INJECTION = new LiteralSet(";wget", ";curl", "|wget", "|curl", "%3bwget",
        "%3bcurl", "$(", "%24%28", "`", "%60", ";cat%20", ";cat ", "|sh", ";sh ", "/bin/sh", "/bin/bash", "cmd.exe");
    private static final LiteralSet SCANNERS = new LiteralSet("sqlmap", "nikto", "nmap", "masscan", "zgrab", "nuclei", "wpscan",
        "dirbuster", "gobuster", "acunetix", "nessus", "openvas", "w3af", "zmeu", "havij");

    private WebAttackSignatures() {
    }

    /** The signature in the request target {@code b[from, to)}, or {@link AttackKind#NONE}. */
    static AttackKind inRequest(byte[] b, int from, int to) {
        if (any(b, from, to, TRAVERSAL)) {
            return AttackKind.PATH_TRAVERSAL;
        }
        if (any(b, from, to, SQL_INJECTION)) {
            return AttackKind.SQL_INJECTION;
        }
        if (any(b, from, to, XSS)) {
            return AttackKind.XSS;
        }
        return any(b, from, to, COMMAND_INJECTION) ? AttackKind.COMMAND_INJECTION : AttackKind.NONE;
    }

    /** True when the User-Agent {@code b[from, to)} names a known scanner. */
    static boolean isScanner(byte[] b, int from, int to) {
        return any(b, from, to, SCANNERS);
    }

    private static boolean any(byte[] b, int from, int to, LiteralSet literals) {
        return literals.containsAny(b, from, to);
    }
}
