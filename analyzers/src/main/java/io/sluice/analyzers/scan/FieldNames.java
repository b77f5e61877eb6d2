package io.sluice.analyzers.scan;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Configured field names as ASCII bytes, for scanners that compare them against spans without decoding text. */
final class FieldNames {
    private FieldNames() {
    }

    static byte[][] of(List<String> names) {
        byte[][] bytes = new byte[names.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /** Index of the name equal to {@code bytes[offset, offset+length)}, or -1. */
    static int indexOf(byte[][] names, byte[] bytes, int offset, int length) {
        for (int n = 0; n < names.length; n++) {
            byte[] name = names[n];
            if (name.length == length && java.util.Arrays.equals(name, 0, length, bytes, offset, offset + length)) {
                return n;
            }
        }
        return -1;
    }

    /** Index after the closing quote's position: the first unescaped {@code "} at or after {@code from}, or -1. */
    static int closingQuote(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == '\\') {
                i++;
            } else if (bytes[i] == '"') {
                return i;
            }
        }
        return -1;
    }
}
