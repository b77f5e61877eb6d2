package io.sluice.analyzers.scan;

import java.util.List;

/**
 * Finds RFC 5424 structured-data parameters by name ({@code [timing duration_ms="87"]} -> {@code duration_ms}) in
 * an event's STRUCTURED_DATA span, whatever the SD-ID. Values are handed over inside their quotes, escapes as sent.
 * Stateless after construction; allocation-free.
 */
public final class StructuredDataScanner {
    private final byte[][] names;

    public StructuredDataScanner(List<String> names) {
        this.names = FieldNames.of(names);
    }

    /** Scans {@code bytes[offset, offset+length)}; returns true when the visitor stopped the scan. */
    public boolean scan(byte[] bytes, int offset, int length, FieldVisitor visitor) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (bytes[i] != '[') {
                i++;
                continue;
            }
            i = skipName(bytes, i + 1, end); // the SD-ID
            while (i < end && bytes[i] == ' ') {
                int nameStart = i + 1;
                int eq = skipName(bytes, nameStart, end);
                if (eq + 1 >= end || bytes[eq] != '=' || bytes[eq + 1] != '"') {
                    return false;
                }
                int close = FieldNames.closingQuote(bytes, eq + 2, end);
                if (close < 0) {
                    return false;
                }
                int n = FieldNames.indexOf(names, bytes, nameStart, eq - nameStart);
                if (n >= 0 && visitor.onField(n, bytes, eq + 2, close - eq - 2)) {
                    return true;
                }
                i = close + 1;
            }
        }
        return false;
    }

    /** Index of the first byte ending an SD-NAME: space, '=', ']' or '"'. */
    private static int skipName(byte[] bytes, int i, int end) {
        while (i < end && bytes[i] != ' ' && bytes[i] != '=' && bytes[i] != ']' && bytes[i] != '"') {
            i++;
        }
        return i;
    }
}
