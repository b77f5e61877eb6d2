package io.sluice.analyzers.security.recognize;

import io.sluice.analyzers.scan.ByteSearch;
import java.nio.charset.StandardCharsets;

/**
 * Byte comparisons the matchers share: literal search (exact and ASCII case-insensitive), prefixes, small numbers.
 * Every search is bounded by the {@code [from, to)} window it is given. Stateless; allocation-free.
 */
final class AsciiBytes {
    static final int NOT_FOUND = -1;

    private AsciiBytes() {
    }

    /** ASCII bytes of a literal, for constants. */
    static byte[] of(String literal) {
        return literal.getBytes(StandardCharsets.US_ASCII);
    }

    /** Index of the first {@code needle} in {@code b[from, to)}, or {@link #NOT_FOUND}. */
    static int indexOf(byte[] b, int from, int to, byte[] needle) {
        byte first = needle[0];
        int end = to - needle.length + 1; // a match must start before this
        // the first byte eight at a time: most lines hold a needle's first byte rarely (security matchers on real
        // logs spent a fifth of the analysis thread in this loop when it went byte by byte)
        for (int i = ByteSearch.indexOf(b, from, end, first); i >= 0; i = ByteSearch.indexOf(b, i + 1, end, first)) {
            if (regionMatches(b, i + 1, needle, 1)) {
                return i;
            }
        }
        return NOT_FOUND;
    }

    /** Index of the last {@code needle} in {@code b[from, to)}, or {@link #NOT_FOUND}. */
    static int lastIndexOf(byte[] b, int from, int to, byte[] needle) {
        byte first = needle[0];
        for (int i = to - needle.length; i >= from; i--) {
            if (b[i] == first && regionMatches(b, i + 1, needle, 1)) {
                return i;
            }
        }
        return NOT_FOUND;
    }

    /** Like {@link #indexOf} but ASCII case-insensitive; {@code lowerNeedle} must be lower case. */
    static int indexOfIgnoreCase(byte[] b, int from, int to, byte[] lowerNeedle) {
        byte first = lowerNeedle[0];
        int last = to - lowerNeedle.length;
        for (int i = from; i <= last; i++) {
            if (lower(b[i]) == first && regionMatchesIgnoreCase(b, i + 1, lowerNeedle, 1)) {
                return i;
            }
        }
        return NOT_FOUND;
    }

    /** Index of the first byte {@code c} in {@code b[from, to)}, or {@link #NOT_FOUND}. */
    static int indexOfByte(byte[] b, int from, int to, char c) {
        for (int i = Math.max(from, 0); i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return NOT_FOUND;
    }

    /** Index after {@code needle} when {@code b[at, to)} starts with it, else {@link #NOT_FOUND}. */
    static int after(byte[] b, int at, int to, byte[] needle) {
        return at >= 0 && to - at >= needle.length && regionMatches(b, at, needle, 0) ? at + needle.length : NOT_FOUND;
    }

    /** Index after the first {@code needle} in {@code b[from, to)}, or {@link #NOT_FOUND}. */
    static int afterFirst(byte[] b, int from, int to, byte[] needle) {
        int at = indexOf(b, from, to, needle);
        return at == NOT_FOUND ? NOT_FOUND : at + needle.length;
    }

    static boolean startsWith(byte[] b, int at, int to, byte[] needle) {
        return after(b, at, to, needle) != NOT_FOUND;
    }

    static boolean equals(byte[] b, int offset, int length, byte[] literal) {
        return offset >= 0 && length == literal.length && regionMatches(b, offset, literal, 0);
    }

    /** True when {@code b[from, to)} ends with {@code needle}. */
    static boolean endsWith(byte[] b, int from, int to, byte[] needle) {
        return to - from >= needle.length && regionMatches(b, to - needle.length, needle, 0);
    }

    static boolean contains(byte[] b, int from, int to, byte[] needle) {
        return indexOf(b, from, to, needle) != NOT_FOUND;
    }

    static byte lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetterOrDigit(byte c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Index of the next space at or after {@code from}, or {@code to}. */
    static int spaceOrEnd(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] != ' ') {
            i++;
        }
        return i;
    }

    static int skipSpaces(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] == ' ') {
            i++;
        }
        return i;
    }

    /** The unsigned decimal at {@code b[from..]} (at most 9 digits), or {@link #NOT_FOUND}. */
    static int parseDigits(byte[] b, int from, int to) {
        int value = 0;
        int i = from;
        while (i < to && i - from < 9 && isDigit(b[i])) {
            value = value * 10 + (b[i] - '0');
            i++;
        }
        return i == from ? NOT_FOUND : value;
    }

    private static boolean regionMatches(byte[] b, int at, byte[] needle, int fromNeedle) {
        for (int k = fromNeedle; k < needle.length; k++) {
            if (b[at + k - fromNeedle] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionMatchesIgnoreCase(byte[] b, int at, byte[] lowerNeedle, int fromNeedle) {
        for (int k = fromNeedle; k < lowerNeedle.length; k++) {
            if (lower(b[at + k - fromNeedle]) != lowerNeedle[k]) {
                return false;
            }
        }
        return true;
    }
}
