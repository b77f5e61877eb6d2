package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;

import io.sluice.analyzers.security.SecuritySignal;

/**
 * Reads the address token a log line names as the peer and records it as the signal's source: an IPv4 or IPv6
 * address or, as fail2ban allows, a host name, kept exactly as written ({@code 192.030.0.6} stays). An IPv4-mapped
 * IPv6 address ({@code ::ffff:1.2.3.4}) is reported as its IPv4 part, and {@code [v6]} brackets are dropped. Stateless.
 */
final class SourceHost {
    private static final byte[] V4_MAPPED = AsciiBytes.of("::ffff:");
    /** Longest token taken as a host (DNS name limit). */
    private static final int MAX_HOST = 255;

    private SourceHost() {
    }

    /** Sets the host token at {@code b[at..to)} as the source; returns the index after it, or NOT_FOUND. */
    static int capture(byte[] b, int at, int to, SecuritySignal out) {
        return capture(b, at, to, false, out);
    }

    /**
     * Like {@link #capture(byte[], int, int, SecuritySignal)}; with {@code portAppended} the token is
     * {@code address:port} (haproxy, apache 2.4 {@code [client ip:port]}) and the port is cut off.
     */
    static int capture(byte[] b, int at, int to, boolean portAppended, SecuritySignal out) {
        if (at < 0 || at >= to) {
            return NOT_FOUND;
        }
        if (b[at] == '[') {
            return bracketed(b, at, to, out);
        }
        int end = at;
        while (end < to && end - at < MAX_HOST && isHostByte(b[end])) {
            end++;
        }
        int after = end;
        while (end > at && (b[end - 1] == '.' || b[end - 1] == ':' || b[end - 1] == '-')) {
            end--; // "from 1.2.3.4." / "host[1.2.3.4]:" punctuation is not part of the host
        }
        if (portAppended || isIpv4WithPort(b, at, end)) {
            end = cutPort(b, at, end);
        }
        return set(b, at, end, out) ? after : NOT_FOUND;
    }

    /** {@code [addr]} or {@code [addr]:port}; returns the index after the port. */
    private static int bracketed(byte[] b, int at, int to, SecuritySignal out) {
        int close = at + 1;
        while (close < to && close - at < MAX_HOST && isHostByte(b[close])) {
            close++;
        }
        if (close >= to || b[close] != ']' || !set(b, at + 1, close, out)) {
            return NOT_FOUND;
        }
        int end = close + 1;
        if (end + 1 < to && b[end] == ':' && AsciiBytes.isDigit(b[end + 1])) {
            end++; // "[v6]:port"
            while (end < to && AsciiBytes.isDigit(b[end])) {
                end++;
            }
        }
        return end;
    }

    private static boolean set(byte[] b, int from, int to, SecuritySignal out) {
        int start = from;
        if (AsciiBytes.startsWith(b, from, to, V4_MAPPED) && hasDot(b, from + V4_MAPPED.length, to)) {
            start = from + V4_MAPPED.length;
        }
        if (to <= start || !AsciiBytes.isLetterOrDigit(b[start]) && b[start] != ':') {
            return false;
        }
        out.sourceIp(start, to - start);
        return true;
    }

    private static int cutPort(byte[] b, int from, int to) {
        int i = to - 1;
        while (i > from && AsciiBytes.isDigit(b[i])) {
            i--;
        }
        return i > from && i < to - 1 && b[i] == ':' ? i : to;
    }

    /** "1.2.3.4:5678": one colon after dotted digits; IPv6 has two or more. */
    private static boolean isIpv4WithPort(byte[] b, int from, int to) {
        int colons = 0;
        for (int i = from; i < to; i++) {
            colons += b[i] == ':' ? 1 : 0;
        }
        return colons == 1 && hasDot(b, from, to);
    }

    private static boolean hasDot(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '.') {
                return true;
            }
        }
        return false;
    }

    static boolean isHostByte(byte c) {
        return AsciiBytes.isLetterOrDigit(c) || c == '.' || c == ':' || c == '-' || c == '_';
    }
}
