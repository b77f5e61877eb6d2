package io.sluice.ingest.syslog;

import static io.sluice.ingest.syslog.SyslogBytes.SP;
import static io.sluice.ingest.syslog.SyslogBytes.indexOfSpace;
import static io.sluice.ingest.syslog.SyslogBytes.isAlphaNumeric;
import static io.sluice.ingest.syslog.SyslogBytes.skipSpaces;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3164 / BSD syslog as servers really receive it: {@code [<PRI>][DATE SP][HOSTNAME SP]TAG[[PID]][:] MSG}.
 *
 * <p>What it accepts, following rsyslog and syslog-ng where they agree:
 * <ul>
 *   <li>DATE: BSD {@code Mmm dd hh:mm:ss} and its variants (see {@link SyslogTimestamps#parseBsd}), or an RFC 3339
 *       date (rsyslog, loggen), optionally after a Cisco sequence number {@code 91: } and a {@code *} or {@code .}
 *       clock-sync marker. A BSD date has no zone: UTC wall clock, offset {@link LogEvent#NO_OFFSET}.</li>
 *   <li>No PRI: PRI 13 (user.notice, RFC 3164 4.3.3), but only if a DATE follows; a line with neither is not
 *       syslog and this decoder returns false (so log files of other formats stay raw).</li>
 *   <li>HOSTNAME is looked for only after a DATE. The first word is the hostname if it is made of hostname
 *       characters (letters, digits, {@code . - _}, or an IPv6 address) and does not end in ':' or hold a '[':
 *       "a word followed by ':' or '[' is a tag" (rsyslog). {@code Message forwarded from HOST:} names the host.</li>
 *   <li>TAG: the next word up to ' ', ':' or '['; APP_NAME is the TAG without {@code [pid]} and ':', PROC_ID the
 *       pid. MESSAGE starts after the TAG, its ':' and one space; no TAG if the word starts with ':' or '['.</li>
 * </ul>
 * Empty parts stay {@link LogEvent#ABSENT}.
 *
 * <p>Thread contract: stateless, so one instance may be shared, but {@link SyslogDecoder} owns one per thread; no
 * allocation per call. On {@code false} nothing in the event was changed.
 */
public final class Rfc3164Decoder {
    /** {@link #HOST_BYTE_CLASSES} bit: a byte a hostname may hold (letter, digit, '.', '-', '_'). */
    private static final int HOSTNAME_BYTE = 1;
    /** {@link #HOST_BYTE_CLASSES} bit: a byte an IPv6 address may hold (hex digit, ':', '.'). */
    private static final int IPV6_BYTE = 2;
    private static final byte[] HOST_BYTE_CLASSES = hostByteClasses();

    /** PRI assumed when a BSD header has none: user.notice. */
    public static final int DEFAULT_PRI = 13;
    /** Longest word taken as a hostname (DNS name limit). */
    public static final int MAX_HOSTNAME = 255;
    private static final byte[] FORWARDED_FROM = "Message forwarded from ".getBytes(StandardCharsets.US_ASCII);

    /** This decoder's (its connection's) dates: one per line, the same all day. */
    private final DateMemo dates = new DateMemo();

    /** Parses {@code e.raw()[0..e.rawLength())}; false if the line has neither a PRI nor a BSD/ISO date. */
    public boolean decode(LogEvent e) {
        byte[] b = e.raw();
        int end = e.rawLength();
        int pri = SyslogPriority.parse(b, end);
        int start = skipSpaces(b, pri < 0 ? 0 : SyslogPriority.length(pri), end);
        int p = date(b, start, end, pri >= 0, e);
        if (p < 0 && pri < 0) {
            return false;
        }
        if (p < 0) {
            p = start; // "<PRI>tag: msg": without a date there is no hostname either (syslog-ng)
        } else {
            p = hostname(b, skipSpaces(b, p, end), end, e);
        }
        tagAndMessage(b, skipSpaces(b, p, end), end, e);
        SyslogPriority.apply(e, pri < 0 ? DEFAULT_PRI : pri);
        e.setFormat(Format.RFC3164);
        return true;
    }

    /** Index after the date and its separator, or -1; sets the timestamp only when it returns >= 0. */
    private int date(byte[] b, int p, int end, boolean hasPri, LogEvent e) {
        int q = dateAt(b, p, end, e);
        if (q < 0 && hasPri) {
            int afterSequence = ciscoSequenceNumber(b, p, end);
            q = afterSequence > p ? dateAt(b, afterSequence, end, e) : -1;
        }
        return q;
    }

    private int dateAt(byte[] b, int p, int end, LogEvent e) {
        if (p < end && (b[p] == '*' || b[p] == '.')) {
            p++; // Cisco: '*' clock not synchronised, '.' synchronised then lost
        }
        long nanos = e.timestampNanos();
        int offset = e.timestampOffsetSeconds();
        int q = p < end && SyslogBytes.isDigit(b[p])
            ? SyslogTimestamps.parseRfc3339(b, p, end, true, e, dates)
            : SyslogTimestamps.parseBsd(b, p, end, e.receivedAtNanos(), e, dates);
        if (q >= 0 && q < end && b[q] != SP) {
            e.setTimestamp(nanos, offset); // "2015-07-29 17:41:44,747" is a log4j line, not a syslog date
            return -1;
        }
        return q;
    }

    /** Index after a Cisco {@code 123: } sequence number at {@code p}, or {@code p}. */
    private static int ciscoSequenceNumber(byte[] b, int p, int end) {
        int q = SyslogBytes.skipDigits(b, p, end);
        return q > p && end - q >= 2 && b[q] == ':' && b[q + 1] == SP ? q + 2 : p;
    }

    /** Sets HOSTNAME if the word at {@code p} is one; returns where the TAG starts. */
    private static int hostname(byte[] b, int p, int end, LogEvent e) {
        if (SyslogBytes.startsWith(b, p, end, FORWARDED_FROM)) {
            int hostStart = p + FORWARDED_FROM.length;
            int hostEnd = hostStart;
            while (hostEnd < end && b[hostEnd] != ':' && b[hostEnd] != SP) {
                hostEnd++;
            }
            if (hostEnd > hostStart && hostEnd < end && b[hostEnd] == ':') {
                e.setSpan(Field.HOSTNAME, hostStart, hostEnd - hostStart);
                return hostEnd + 1;
            }
        }
        int wordEnd = indexOfSpace(b, p, end);
        if (!isHostname(b, p, wordEnd)) {
            return p;
        }
        e.setSpan(Field.HOSTNAME, p, wordEnd - p);
        return wordEnd;
    }

    /** Letters, digits, '.', '-', '_' ending in a letter, digit or '.'; or an IPv6 address; at most 255 bytes. */
    static boolean isHostname(byte[] b, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_HOSTNAME) {
            return false;
        }
        int classes = HOSTNAME_BYTE | IPV6_BYTE;
        int colons = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            classes &= HOST_BYTE_CLASSES[c & 0xFF]; // one table load per byte instead of a dozen compares
            colons += c == ':' ? 1 : 0;
        }
        boolean ipv6 = (classes & IPV6_BYTE) != 0;
        byte last = b[to - 1];
        if ((classes & HOSTNAME_BYTE) != 0) {
            return isAlphaNumeric(last) || (last == '.' && length > 1); // "--" is a tag; "host.example." a host
        }
        return ipv6 && colons >= 2 && last != ':';
    }

    /** TAG, PID and MESSAGE from {@code p}. */
    private static void tagAndMessage(byte[] b, int p, int end, LogEvent e) {
        int q = p;
        while (q < end && b[q] != SP && b[q] != ':' && b[q] != '[') {
            q++;
        }
        if (q > p) {
            e.setSpan(Field.APP_NAME, p, q - p);
            q = pid(b, q, end, e);
            if (q < end && b[q] == ':') {
                q++;
            }
            if (q < end && b[q] == SP) {
                q++; // the space after "tag:" separates; it is not part of the message
            }
        }
        if (q < end) {
            e.setSpan(Field.MESSAGE, q, end - q);
        }
    }

    /** {@code [pid]} at {@code p}: sets PROC_ID and returns the index after ']', else returns {@code p}. */
    private static int pid(byte[] b, int p, int end, LogEvent e) {
        if (p >= end || b[p] != '[') {
            return p;
        }
        int q = p + 1;
        while (q < end && b[q] != ']' && b[q] != SP) {
            q++;
        }
        if (q >= end || b[q] != ']') {
            return p;
        }
        if (q > p + 1) {
            e.setSpan(Field.PROC_ID, p + 1, q - p - 1);
        }
        return q + 1;
    }

    private static byte[] hostByteClasses() {
        byte[] classes = new byte[256];
        for (int c = 0; c < 256; c++) {
            byte b = (byte) c;
            boolean hostname = isAlphaNumeric(b) || b == '.' || b == '-' || b == '_';
            boolean ipv6 = SyslogBytes.isHexDigit(b) || b == ':' || b == '.';
            classes[c] = (byte) ((hostname ? HOSTNAME_BYTE : 0) | (ipv6 ? IPV6_BYTE : 0));
        }
        return classes;
    }
}
