package io.sluice.analyzers.scan;

import java.util.List;

/**
 * Finds number and string values by key in a JSON object text (an event's ATTRIBUTES span) without parsing it into
 * objects. A configured name matches a value when the value's dotted key path ends with it at a key or dot
 * boundary: {@code status} matches {@code {"status":503}} and {@code {"http":{"status":503}}}; {@code http.status}
 * matches both {@code {"http":{"status":503}}} and {@code {"http.status":503}}. Values directly inside arrays have no
 * name and are skipped. Tolerant: malformed text ends the scan, it never throws.
 *
 * <p>Not thread-safe (it keeps the key path in preallocated arrays): one instance per ring consumer. Allocation-free.
 */
public final class JsonFieldScanner {
    private static final int MAX_DEPTH = 16;

    private final byte[][] names;
    private final int[] keyOffset = new int[MAX_DEPTH];
    private final int[] keyLength = new int[MAX_DEPTH];
    private final boolean[] object = new boolean[MAX_DEPTH];

    public JsonFieldScanner(List<String> names) {
        this.names = FieldNames.of(names);
    }

    /** Scans {@code bytes[offset, offset+length)}; returns true when the visitor stopped the scan. */
    public boolean scan(byte[] bytes, int offset, int length, FieldVisitor visitor) {
        int end = offset + length;
        int depth = -1;
        boolean expectKey = false;
        int i = offset;
        while (i < end) {
            byte c = bytes[i];
            if (c == '{' || c == '[') {
                depth++;
                if (depth < MAX_DEPTH) {
                    object[depth] = c == '{';
                    keyLength[depth] = -1;
                }
                expectKey = c == '{';
                i++;
            } else if (c == '}' || c == ']') {
                depth--;
                expectKey = false;
                i++;
            } else if (c == ',') {
                expectKey = depth >= 0 && depth < MAX_DEPTH && object[depth];
                i++;
            } else if (c == '"') {
                int close = FieldNames.closingQuote(bytes, i + 1, end);
                if (close < 0) {
                    return false;
                }
                if (expectKey) {
                    if (depth >= 0 && depth < MAX_DEPTH) {
                        keyOffset[depth] = i + 1;
                        keyLength[depth] = close - i - 1;
                    }
                    expectKey = false;
                } else if (visit(bytes, i + 1, close, depth, visitor)) {
                    return true;
                }
                i = close + 1;
            } else if (c == '-' || DurationBytes.isDigit(c)) {
                int valueEnd = numberEnd(bytes, i, end);
                if (visit(bytes, i, valueEnd, depth, visitor)) {
                    return true;
                }
                i = valueEnd;
            } else {
                i++; // whitespace, ':', true/false/null
            }
        }
        return false;
    }

    private boolean visit(byte[] bytes, int from, int to, int depth, FieldVisitor visitor) {
        if (depth < 0 || depth >= MAX_DEPTH || !object[depth] || keyLength[depth] < 0) {
            return false;
        }
        for (int n = 0; n < names.length; n++) {
            if (pathEndsWith(bytes, depth, names[n])) {
                return visitor.onField(n, bytes, from, to - from);
            }
        }
        return false;
    }

    /** Compares {@code name} right-aligned with the object keys from the root to {@code depth}, joined by dots. */
    private boolean pathEndsWith(byte[] bytes, int depth, byte[] name) {
        int j = name.length - 1;
        for (int d = depth; d >= 0; d--) {
            if (!object[d] || keyLength[d] < 0) {
                continue; // an array level adds no name to the path
            }
            for (int k = keyOffset[d] + keyLength[d] - 1; k >= keyOffset[d]; k--) {
                if (j < 0) {
                    return bytes[k] == '.'; // matched a dotted key's tail: "http.status" ends with "status"
                }
                if (name[j--] != bytes[k]) {
                    return false;
                }
            }
            if (j < 0) {
                return true;
            }
            if (name[j--] != '.') {
                return false;
            }
        }
        return false;
    }

    private static int numberEnd(byte[] bytes, int i, int end) {
        i++;
        while (i < end) {
            byte c = bytes[i];
            if (!(DurationBytes.isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                break;
            }
            i++;
        }
        return i;
    }
}
