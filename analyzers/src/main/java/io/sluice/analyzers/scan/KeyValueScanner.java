package io.sluice.analyzers.scan;

import java.util.List;

/**
 * Finds {@code key=value} pairs by key in free text (a log message): {@code duration=123ms}, {@code took=1.2s},
 * {@code latency="350us"}. A key is the run of letters, digits, {@code _ . -} before an {@code =}; the value runs to
 * the next space, comma, semicolon, bracket, parenthesis or ampersand (or is quoted). Keys compare exactly.
 * Stateless after construction; allocation-free.
 */
public final class KeyValueScanner {
    private final byte[][] names;

    public KeyValueScanner(List<String> names) {
        this.names = FieldNames.of(names);
    }

    /** Scans {@code bytes[offset, offset+length)}; returns true when the visitor stopped the scan. */
    public boolean scan(byte[] bytes, int offset, int length, FieldVisitor visitor) {
        int end = offset + length;
        for (int eq = offset + 1; eq < end - 1; eq++) {
            if (bytes[eq] != '=') {
                continue;
            }
            int keyStart = eq;
            while (keyStart > offset && isKeyByte(bytes[keyStart - 1])) {
                keyStart--;
            }
            int n = keyStart < eq ? FieldNames.indexOf(names, bytes, keyStart, eq - keyStart) : -1;
            if (n < 0) {
                continue;
            }
            int valueStart = eq + 1;
            int valueEnd;
            if (bytes[valueStart] == '"') {
                valueStart++;
                valueEnd = FieldNames.closingQuote(bytes, valueStart, end);
                if (valueEnd < 0) {
                    return false;
                }
            } else {
                valueEnd = valueStart;
                while (valueEnd < end && !endsValue(bytes[valueEnd])) {
                    valueEnd++;
                }
            }
            if (visitor.onField(n, bytes, valueStart, valueEnd - valueStart)) {
                return true;
            }
            eq = valueEnd;
        }
        return false;
    }

    private static boolean isKeyByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || DurationBytes.isDigit(b) || b == '_' || b == '.'
            || b == '-';
    }

    private static boolean endsValue(byte b) {
        return b == ' ' || b == ',' || b == ';' || b == ')' || b == ']' || b == '&' || b == '\t' || b == '"';
    }
}
