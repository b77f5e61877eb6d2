package io.sluice.analyzers.security.recognize;

import io.sluice.analyzers.security.AttackKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Attack signatures in an HTTP request target and scanner names in a User-Agent, matched as ASCII case-insensitive
 * literals in one pass (no regex, so no backtracking on hostile input); the leftmost signature decides the kind.
 * Only specific forms count: {@code union select} is SQL injection, a path holding the word {@code select} is not.
 *
 * <p>Thread contract: immutable tables; allocation-free.
 */
final class WebAttackSignatures {
    private static final AttackKind[] KINDS = AttackKind.values();
    private static final LiteralSet REQUEST = requestSignatures();
    private static final LiteralSet SCANNERS = new LiteralSet("sqlmap", "nikto", "nmap", "masscan", "zgrab", "nuclei",
        "wpscan", "dirbuster", "gobuster", "acunetix", "nessus", "openvas", "w3af", "zmeu", "havij");

    private WebAttackSignatures() {
    }

    /** The signature in the request target {@code b[from, to)}, or {@link AttackKind#NONE}. */
    static AttackKind inRequest(byte[] b, int from, int to) {
        int kind = REQUEST.find(b, from, to);
        return kind == LiteralSet.NONE ? AttackKind.NONE : KINDS[kind];
    }

    /** True when the User-Agent {@code b[from, to)} names a known scanner. */
    static boolean isScanner(byte[] b, int from, int to) {
        return SCANNERS.containsAny(b, from, to);
    }

    private static LiteralSet requestSignatures() {
        List<String> literals = new ArrayList<>();
        List<AttackKind> kinds = new ArrayList<>();
        add(literals, kinds, AttackKind.PATH_TRAVERSAL, "../", "..\\", "..%2f", "..%5c", "%2e%2e", "/etc/passwd",
            "/proc/self/environ");
        add(literals, kinds, AttackKind.SQL_INJECTION, "union select", "union+select", "union%20select",
            "union/**/select", "union+all+select", "union%20all%20select", "' or '", "'+or+'", "'%20or%20'",
            "%27%20or%20%27", "%27+or+%27", "%27%20or%20", "%27+or+", "' or 1=1", "'+or+1=1", "'%20or%201=1",
            "%20or%201=1", "' or ''='", "'--", "%27--", "sleep(", "sleep%28", "benchmark(", "waitfor delay",
            "waitfor%20delay", "information_schema", "@@version", "load_file(");
        add(literals, kinds, AttackKind.XSS, "<script", "%3cscript", "onerror=", "onerror%3d", "onload=", "onload%3d",
            "javascript:", "javascript%3a", "<svg", "%3csvg");
        add(literals, kinds, AttackKind.COMMAND_INJECTION, ";wget", ";curl", "|wget", "|curl", "%3bwget", "%3bcurl",
            "$(", "%24%28", "`", "%60", ";cat%20", ";cat ", "|sh", ";sh ", "/bin/sh", "/bin/bash", "cmd.exe");
        int[] tags = new int[kinds.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = kinds.get(i).ordinal();
        }
        return new LiteralSet(tags, literals.toArray(new String[0]));
    }

    private static void add(List<String> literals, List<AttackKind> kinds, AttackKind kind, String... values) {
        for (String value : values) {
            literals.add(value);
            kinds.add(kind);
        }
    }
}
