package io.sluice.ingest.syslog;

/** Byte classes and scans the syslog grammars share. Static, allocation-free, thread-safe. */
final class SyslogBytes {
    static final byte SP = ' ';

    private SyslogBytes() {
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlphaNumeric(byte c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isHexDigit(byte c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** RFC 5424 PRINTUSASCII: visible ASCII, no space, no control, no 8-bit byte. */
    static boolean isPrintUsAscii(byte c) {
        return c >= 33 && c <= 126;
    }

    /** Index of the first non-digit at or after {@code p}, at most {@code end}. */
    static int skipDigits(byte[] b, int p, int end) {
        while (p < end && isDigit(b[p])) {
            p++;
        }
        return p;
    }

    static int skipSpaces(byte[] b, int p, int end) {
        while (p < end && b[p] == SP) {
            p++;
        }
        return p;
    }

    /** Index of the first space at or after {@code p}, or {@code end}. */
    static int indexOfSpace(byte[] b, int p, int end) {
        while (p < end && b[p] != SP) {
            p++;
        }
        return p;
    }

    /** Value of the {@code count} ASCII digits at {@code p}, or -1 if one is not a digit. Caller checks bounds. */
    static int digits(byte[] b, int p, int count) {
        int value = 0;
        for (int i = p; i < p + count; i++) {
            if (!isDigit(b[i])) {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    static boolean startsWith(byte[] b, int p, int end, byte[] prefix) {
        if (end - p < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[p + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code b[a..a+length)} equals {@code b[c..c+length)}. */
    static boolean regionEquals(byte[] b, int a, int c, int length) {
        for (int i = 0; i < length; i++) {
            if (b[a + i] != b[c + i]) {
                return false;
            }
        }
        return true;
    }
}
