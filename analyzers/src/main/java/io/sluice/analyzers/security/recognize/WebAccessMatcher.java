package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;

import io.sluice.analyzers.scan.AccessLogLine;
import io.sluice.analyzers.security.AttackKind;
import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;

/**
 * HTTP access-log lines: common/combined format ({@code client - user [time] "GET /x HTTP/1.1" 401 ...}, the status
 * found by {@link AccessLogLine}) and haproxy's HTTP log ({@code client:port [time] frontend backend/server timers
 * status bytes ... "GET / HTTP/1.1"}).
 *
 * <p>Outcome: a request whose target carries a traversal/SQLi/XSS/command-injection signature, or whose User-Agent
 * names a scanner, is {@link SecurityAction#WEB_ATTACK}; otherwise a 401 is {@link SecurityAction#AUTH_FAILURE}
 * (a rejected credential: fail2ban's haproxy-http-auth counts it), and anything else, 403 included (an authorization
 * refusal, no credential guessed), is {@link SecurityAction#WEB_REQUEST}. The status is always set so detectors can
 * count 401/403 bursts. Thread contract: stateless; allocation-free.
 */
final class WebAccessMatcher {
    private static final int UNAUTHORIZED = 401;

    /**
     * Recognizes the access-log line {@code b[from, to)}, whose status {@link AccessLogLine#statusIndex} found at
     * {@code status} (or NONE): the caller knows it, often from the other analyzers (see {@link LineView}).
     */
    boolean match(byte[] b, int from, int to, int status, SecuritySignal out) {
        if (status != AccessLogLine.NONE) {
            return combined(b, from, to, status, out);
        }
        return haproxy(b, from, to, out);
    }

    private static boolean combined(byte[] b, int from, int to, int status, SecuritySignal out) {
        int clientEnd = AsciiBytes.spaceOrEnd(b, from, to);
        if (clientEnd >= status || SourceHost.capture(b, from, clientEnd, out) == NOT_FOUND) {
            return false;
        }
        int identEnd = AsciiBytes.spaceOrEnd(b, clientEnd + 1, status);
        int userEnd = AsciiBytes.spaceOrEnd(b, identEnd + 1, status);
        if (userEnd + 1 >= status || b[userEnd + 1] != '[') {
            return false; // not "client ident user [time]": some other text quoting a request
        }
        if (userEnd > identEnd + 1 && !(userEnd == identEnd + 2 && b[identEnd + 1] == '-')) {
            out.user(identEnd + 1, userEnd - identEnd - 1);
        }
        int request = AsciiBytes.indexOfByte(b, userEnd, status, '"');
        int code = AsciiBytes.parseDigits(b, status, status + 3);
        return classify(b, request == NOT_FOUND ? status : request + 1, status, status + 3, to, code, out);
    }

    /** {@code ip:port [date] frontend backend/server Tq/Tw/Tc/Tr/Tt status bytes ... "request"}. */
    private static boolean haproxy(byte[] b, int from, int to, SecuritySignal out) {
        int clientEnd = AsciiBytes.spaceOrEnd(b, from, to);
        if (clientEnd + 1 >= to || b[clientEnd + 1] != '[' || !SshLoginLine.isAddress(b, from, clientEnd)) {
            return false;
        }
        int token = AsciiBytes.indexOfByte(b, clientEnd, to, ']');
        if (token == NOT_FOUND) {
            return false;
        }
        for (int n = 0; n < 3; n++) { // frontend, backend/server, timers
            token = AsciiBytes.spaceOrEnd(b, AsciiBytes.skipSpaces(b, token + 1, to), to);
        }
        int status = AsciiBytes.skipSpaces(b, token, to);
        int code = status + 3 <= to ? AsciiBytes.parseDigits(b, status, status + 3) : NOT_FOUND;
        if (code < 100 || code > 599 || SourceHost.capture(b, from, clientEnd, true, out) == NOT_FOUND) {
            return false;
        }
        int request = AsciiBytes.indexOfByte(b, status, to, '"');
        return classify(b, request == NOT_FOUND ? to : request + 1, to, to, to, code, out);
    }

    /** Sets the action from the request target {@code [request, requestEnd)} and the tail holding the User-Agent. */
    private static boolean classify(byte[] b, int request, int requestEnd, int tail, int to, int code,
                                    SecuritySignal out) {
        out.httpStatus(code);
        AttackKind attack = WebAttackSignatures.inRequest(b, request, requestEnd);
        if (attack == AttackKind.NONE && userAgentIsScanner(b, tail, to)) {
            attack = AttackKind.SCANNER_USER_AGENT;
        }
        if (attack != AttackKind.NONE) {
            out.action(SecurityAction.WEB_ATTACK).attack(attack);
        } else {
            out.action(code == UNAUTHORIZED ? SecurityAction.AUTH_FAILURE : SecurityAction.WEB_REQUEST);
        }
        return true;
    }

    /** The last quoted string of the line is the User-Agent in the combined format. */
    private static boolean userAgentIsScanner(byte[] b, int from, int to) {
        int close = to - 1;
        while (close > from && b[close] != '"') {
            close--;
        }
        int open = close - 1;
        while (open > from && b[open] != '"') {
            open--;
        }
        return open > from && WebAttackSignatures.isScanner(b, open + 1, close);
    }
}
