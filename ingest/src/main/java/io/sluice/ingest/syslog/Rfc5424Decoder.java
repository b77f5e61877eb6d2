package io.sluice.ingest.syslog;

import static io.sluice.ingest.syslog.SyslogBytes.SP;
import static io.sluice.ingest.syslog.SyslogBytes.isDigit;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;

/**
 * RFC 5424 parser over a slot's raw bytes:
 * {@code <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG]}.
 *
 * <p>Strict where the RFC is (PRI 0..191 without leading zeros, VERSION 1..999, RFC 3339 timestamp with a real
 * calendar date, PRINTUSASCII header fields within their length limits, SD grammar with escapes, no duplicate
 * SD-ID), lenient where real senders differ harmlessly (up to 9 fraction digits; MSG is not checked for UTF-8).
 * NILVALUE fields stay {@link LogEvent#ABSENT}; a NILVALUE timestamp stays {@link LogEvent#NO_TIMESTAMP}. A UTF-8
 * BOM at the start of MSG is not part of the MESSAGE span.
 *
 * <p>Thread contract: one instance per thread (it keeps scratch state for the SD-ID duplicate check); no allocation
 * per call. On {@code false} the event may hold some fields of the failed attempt: the caller resets it
 * ({@link SyslogDecoder} does). The format is set only on success.
 */
public final class Rfc5424Decoder {
    /** Header field limits of RFC 5424 section 6; one byte more and the message is rejected. */
    public static final int MAX_HOSTNAME = 255;
    public static final int MAX_APP_NAME = 48;
    public static final int MAX_PROC_ID = 128;
    public static final int MAX_MSG_ID = 32;
    private static final int MAX_VERSION_DIGITS = 3;

    private final SdIdSet sdIds = new SdIdSet();
    /** This decoder's (its connection's) dates: one per line, the same all day. */
    private final DateMemo dates = new DateMemo();

    /** Parses {@code e.raw()[0..e.rawLength())}; returns false if it is not a valid RFC 5424 message. */
    public boolean decode(LogEvent e) {
        byte[] b = e.raw();
        int end = e.rawLength();
        int pri = SyslogPriority.parse(b, end);
        if (pri < 0) {
            return false;
        }
        int p = version(b, SyslogPriority.length(pri), end);
        p = p < 0 ? -1 : timestamp(b, p, end, e);
        p = p < 0 ? -1 : headerField(b, p, end, MAX_HOSTNAME, e, Field.HOSTNAME);
        p = p < 0 ? -1 : headerField(b, p, end, MAX_APP_NAME, e, Field.APP_NAME);
        p = p < 0 ? -1 : headerField(b, p, end, MAX_PROC_ID, e, Field.PROC_ID);
        p = p < 0 ? -1 : headerField(b, p, end, MAX_MSG_ID, e, Field.MSG_ID);
        p = p < 0 ? -1 : structuredData(b, p, end, e);
        if (p < 0 || (p < end && b[p] != SP)) {
            return false;
        }
        message(b, p, end, e);
        SyslogPriority.apply(e, pri);
        e.setFormat(Format.RFC5424);
        return true;
    }

    /** True if {@code b} starts with {@code <PRI>} and a digit run and a space: a sender that means RFC 5424. */
    static boolean claims(byte[] b, int end) {
        int pri = SyslogPriority.parse(b, end);
        if (pri < 0) {
            return false;
        }
        int p = SyslogPriority.length(pri);
        int q = SyslogBytes.skipDigits(b, p, end);
        return q > p && q < end && b[q] == SP;
    }

    /** VERSION = NONZERO-DIGIT 0*2DIGIT, then SP. */
    private static int version(byte[] b, int p, int end) {
        if (p >= end || b[p] < '1' || b[p] > '9') {
            return -1;
        }
        int limit = Math.min(end, p + MAX_VERSION_DIGITS);
        int q = p + 1;
        while (q < limit && isDigit(b[q])) {
            q++;
        }
        return q < end && b[q] == SP ? q + 1 : -1;
    }

    private int timestamp(byte[] b, int p, int end, LogEvent e) {
        int q = p < end && b[p] == '-' ? p + 1 : SyslogTimestamps.parseRfc3339(b, p, end, false, e, dates);
        return q >= 0 && q < end && b[q] == SP ? q + 1 : -1;
    }

    /** 1..maxLength PRINTUSASCII then SP; a lone '-' is NILVALUE and leaves the span absent. */
    private static int headerField(byte[] b, int p, int end, int maxLength, LogEvent e, Field field) {
        int limit = Math.min(end, p + maxLength);
        int q = p;
        while (q < limit && SyslogBytes.isPrintUsAscii(b[q])) {
            q++;
        }
        if (q == p || q >= end || b[q] != SP) {
            return -1; // empty, too long, truncated, or a space/control/8-bit byte inside
        }
        if (q - p != 1 || b[p] != '-') {
            e.setSpan(field, p, q - p);
        }
        return q + 1;
    }

    private int structuredData(byte[] b, int p, int end, LogEvent e) {
        if (p < end && b[p] == '-') {
            return p + 1;
        }
        sdIds.clear();
        int q = StructuredData.scan(b, p, end, sdIds);
        if (q >= 0) {
            e.setSpan(Field.STRUCTURED_DATA, p, q - p);
        }
        return q;
    }

    /** {@code p} is at the end or at the SP before MSG. An empty MSG is absent; a BOM alone leaves an empty span. */
    private static void message(byte[] b, int p, int end, LogEvent e) {
        int start = p + 1;
        if (start >= end) {
            return;
        }
        if (end - start >= 3 && b[start] == (byte) 0xEF && b[start + 1] == (byte) 0xBB && b[start + 2] == (byte) 0xBF) {
            start += 3;
        }
        e.setSpan(Field.MESSAGE, start, end - start);
    }

    /**
     * SD-IDs seen in the current message, to reject duplicates (RFC 5424 6.3.2). Bounded work: only the first
     * {@link #CAPACITY} elements are remembered; real senders use a handful.
     */
    private static final class SdIdSet implements StructuredData.Handler {
        static final int CAPACITY = 64;
        private final int[] offsets = new int[CAPACITY];
        private final int[] lengths = new int[CAPACITY];
        private int size;

        void clear() {
            size = 0;
        }

        @Override
        public boolean onElement(byte[] b, int offset, int length) {
            for (int i = 0; i < size; i++) {
                if (lengths[i] == length && SyslogBytes.regionEquals(b, offsets[i], offset, length)) {
                    return false;
                }
            }
            if (size < CAPACITY) {
                offsets[size] = offset;
                lengths[size] = length;
                size++;
            }
            return true;
        }

        @Override
        public void onParam(byte[] b, int nameOffset, int nameLength, int valueOffset, int valueLength) {
            // validation only: the grammar check is done by the scanner
        }
    }
}
