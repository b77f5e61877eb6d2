package io.sluice.ingest.syslog;

import io.sluice.core.LogEvent;

/**
 * The {@code <PRI>} prefix both syslog grammars share: 1 to 3 digits in angle brackets, 0..191, no leading zero
 * (RFC 5424 section 6.2.1). Static, allocation-free, thread-safe.
 */
final class SyslogPriority {
    /** Highest PRI: facility 23 (local7), severity 7 (debug). */
    static final int MAX = 191;

    private SyslogPriority() {
    }

    /**
     * Reads {@code <PRI>} at the start of {@code b[0..end)}.
     *
     * @return the PRI value, or -1 if the bytes do not start with a valid one
     */
    static int parse(byte[] b, int end) {
        if (end < 3 || b[0] != '<') {
            return -1;
        }
        int value = 0;
        int p = 1;
        while (p < end && p <= 4 && SyslogBytes.isDigit(b[p])) {
            value = value * 10 + (b[p] - '0');
            p++;
        }
        int digits = p - 1;
        if (digits == 0 || digits > 3 || p >= end || b[p] != '>') {
            return -1;
        }
        if (b[1] == '0' && digits > 1) {
            return -1; // "<01>" is not canonical; RFC 5424 forbids leading zeros
        }
        return value <= MAX ? value : -1;
    }

    /** Bytes {@code <PRI>} took: derivable from the value because leading zeros are rejected. */
    static int length(int pri) {
        return pri < 10 ? 3 : pri < 100 ? 4 : 5;
    }

    static void apply(LogEvent e, int pri) {
        e.setPriority(pri >> 3, pri & 7);
    }
}
