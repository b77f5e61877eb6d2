package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;
import static io.sluice.analyzers.security.recognize.AsciiBytes.indexOf;
import static io.sluice.analyzers.security.recognize.AsciiBytes.startsWith;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;

/**
 * Authentication lines of web-server error logs, as fail2ban's apache-auth and nginx-http-auth read them.
 * <ul>
 *   <li>Apache: {@code [client IP[:port]] [AH01617: ][Digest: ]<what>}; the text right after the FIRST client bracket
 *       decides (a later {@code [client ...]} is in the requested path, i.e. attacker text). {@code user U not found},
 *       {@code user `U' in realm ... not found} are INVALID_USER; {@code user U: authentication failure},
 *       {@code user U: password mismatch}, {@code authorization failure}, {@code Authorization of user U ... failed},
 *       {@code client used wrong authentication scheme} are AUTH_FAILURE; {@code client denied by server
 *       configuration}, Digest nonce/realm/algorithm/qop errors and SNI mismatches are PROBE.</li>
 *   <li>nginx: {@code user "U" was not found in "..."} (INVALID_USER), {@code user "U": password mismatch},
 *       {@code PAM: user 'U' - not authenticated} (AUTH_FAILURE), {@code SSL_do_handshake() failed} /
 *       {@code SSL_read() failed} at [crit] (PROBE); the client is the first {@code , client: } after the phrase.</li>
 * </ul>
 * Thread contract: stateless; allocation-free.
 */
final class WebErrorLogMatcher {
    private static final byte[] CLIENT = AsciiBytes.of("[client ");
    private static final byte[] REMOTE = AsciiBytes.of("[remote ");
    private static final byte[] DIGEST = AsciiBytes.of("Digest: ");
    private static final byte[] USER = AsciiBytes.of("user ");
    private static final byte[] NOT_FOUND_TEXT = AsciiBytes.of(" not found");
    private static final byte[] AUTH_FAILURE_FOR = AsciiBytes.of(": authentication failure for");
    private static final byte[] AUTHZ_FAILURE_FOR = AsciiBytes.of(": authorization failure for");
    private static final byte[] PASSWORD_MISMATCH = AsciiBytes.of(": password mismatch");
    private static final byte[] AUTHORIZATION_OF_USER = AsciiBytes.of("Authorization of user ");
    private static final byte[] WRONG_SCHEME = AsciiBytes.of("client used wrong authentication scheme");
    private static final byte[] DENIED = AsciiBytes.of("client denied by server configuration");
    private static final byte[] INVALID_NONCE = AsciiBytes.of("invalid nonce ");
    private static final byte[] HASH_IS_NOT = AsciiBytes.of("hash is not");
    private static final byte[] REALM_MISMATCH = AsciiBytes.of("realm mismatch");
    private static final byte[] UNKNOWN_ALGORITHM = AsciiBytes.of("unknown algorithm");
    private static final byte[] INVALID_QOP = AsciiBytes.of("invalid qop");
    private static final byte[] HOSTNAME = AsciiBytes.of("Hostname ");
    private static final byte[] NO_HOSTNAME_SNI = AsciiBytes.of("No hostname was provided via SNI");
    private static final byte[] NGINX_CLIENT = AsciiBytes.of(", client: ");
    private static final byte[] NGINX_NOT_FOUND = AsciiBytes.of(" was not found in \"");
    private static final byte[] NGINX_MISMATCH = AsciiBytes.of("\": password mismatch");
    private static final byte[] NGINX_PAM = AsciiBytes.of(" - not authenticated");
    private static final byte[] NGINX_USER = AsciiBytes.of("user \"");
    private static final byte[] SSL_HANDSHAKE = AsciiBytes.of("SSL_do_handshake() failed");
    private static final byte[] SSL_READ = AsciiBytes.of("SSL_read() failed");

    /** Recognizes the error-log line {@code b[from, to)}. */
    boolean match(byte[] b, int from, int to, SecuritySignal out) {
        int client = indexOf(b, from, to, CLIENT);
        int remote = indexOf(b, from, to, REMOTE);
        if (client == NOT_FOUND || (remote != NOT_FOUND && remote < client)) {
            client = remote;
        }
        if (client != NOT_FOUND) {
            return apache(b, client + CLIENT.length, to, out);
        }
        return indexOf(b, from, to, NGINX_CLIENT) != NOT_FOUND && nginx(b, from, to, out);
    }

    private static boolean apache(byte[] b, int host, int to, SecuritySignal out) {
        int hostEnd = SourceHost.capture(b, host, to, out);
        if (hostEnd == NOT_FOUND || hostEnd >= to || b[hostEnd] != ']') {
            return false;
        }
        int p = AsciiBytes.skipSpaces(b, hostEnd + 1, to);
        if (p + 2 < to && b[p] == 'A' && b[p + 1] == 'H' && AsciiBytes.isDigit(b[p + 2])) {
            p = AsciiBytes.skipSpaces(b, AsciiBytes.spaceOrEnd(b, p, to), to); // "AH01617: "
        }
        int afterDigest = AsciiBytes.after(b, p, to, DIGEST);
        p = afterDigest == NOT_FOUND ? p : afterDigest;
        SecurityAction action = startsWith(b, p, to, USER) ? userPhrase(b, p + USER.length, to, out)
            : otherPhrase(b, p, to, out);
        if (action == null) {
            return false;
        }
        out.action(action);
        return true;
    }

    /** After {@code user }: {@code U not found}, {@code U: authentication failure for}, {@code U: password mismatch}. */
    private static SecurityAction userPhrase(byte[] b, int user, int to, SecuritySignal out) {
        int colon = indexOf(b, user, to, AUTH_FAILURE_FOR);
        colon = colon != NOT_FOUND ? colon : indexOf(b, user, to, PASSWORD_MISMATCH);
        colon = colon != NOT_FOUND ? colon : indexOf(b, user, to, AUTHZ_FAILURE_FOR);
        if (colon != NOT_FOUND) {
            out.user(user, colon - user);
            return SecurityAction.AUTH_FAILURE;
        }
        int notFound = indexOf(b, user, to, NOT_FOUND_TEXT);
        if (notFound == NOT_FOUND) {
            return null;
        }
        int end = b[user] == '`' ? AsciiBytes.indexOfByte(b, user + 1, notFound, '\'') : notFound;
        int start = b[user] == '`' ? user + 1 : user;
        if (end != NOT_FOUND && end >= start) {
            out.user(start, end - start);
        }
        return SecurityAction.INVALID_USER;
    }

    private static SecurityAction otherPhrase(byte[] b, int p, int to, SecuritySignal out) {
        if (startsWith(b, p, to, WRONG_SCHEME)) {
            return SecurityAction.AUTH_FAILURE;
        }
        int user = AsciiBytes.after(b, p, to, AUTHORIZATION_OF_USER);
        if (user != NOT_FOUND) {
            int end = AsciiBytes.spaceOrEnd(b, user, to);
            out.user(user, end - user);
            return SecurityAction.AUTH_FAILURE;
        }
        if (startsWith(b, p, to, INVALID_NONCE)) {
            // a stale nonce whose hash no longer matches is what a browser sends after a server restart
            return indexOf(b, p, to, HASH_IS_NOT) == NOT_FOUND ? SecurityAction.PROBE : null;
        }
        boolean probe = startsWith(b, p, to, DENIED) || startsWith(b, p, to, REALM_MISMATCH)
            || startsWith(b, p, to, UNKNOWN_ALGORITHM) || startsWith(b, p, to, INVALID_QOP)
            || startsWith(b, p, to, NO_HOSTNAME_SNI) || startsWith(b, p, to, HOSTNAME);
        return probe ? SecurityAction.PROBE : null;
    }

    private static boolean nginx(byte[] b, int from, int to, SecuritySignal out) {
        int phrase = AsciiBytes.lastIndexOf(b, from, to, NGINX_NOT_FOUND);
        SecurityAction action = SecurityAction.INVALID_USER;
        int mismatch = AsciiBytes.lastIndexOf(b, from, to, NGINX_MISMATCH);
        if (mismatch > phrase) {
            phrase = mismatch;
            action = SecurityAction.AUTH_FAILURE;
        }
        int pam = indexOf(b, from, to, NGINX_PAM);
        if (phrase == NOT_FOUND && pam != NOT_FOUND) {
            phrase = pam;
            action = SecurityAction.AUTH_FAILURE;
        }
        if (phrase == NOT_FOUND) {
            phrase = indexOf(b, from, to, SSL_HANDSHAKE);
            phrase = phrase != NOT_FOUND ? phrase : indexOf(b, from, to, SSL_READ);
            action = SecurityAction.PROBE;
        }
        int client = phrase == NOT_FOUND ? NOT_FOUND : indexOf(b, phrase, to, NGINX_CLIENT);
        if (client == NOT_FOUND || SourceHost.capture(b, client + NGINX_CLIENT.length, to, out) == NOT_FOUND) {
            return false;
        }
        int user = action == SecurityAction.PROBE || phrase == pam ? NOT_FOUND : indexOf(b, from, phrase, NGINX_USER);
        if (user != NOT_FOUND) {
            int start = user + NGINX_USER.length;
            int end = phrase;
            while (end > start && (b[end - 1] == '"' || b[end - 1] == ':')) {
                end--;
            }
            out.user(start, end - start);
        }
        out.action(action);
        return true;
    }
}
