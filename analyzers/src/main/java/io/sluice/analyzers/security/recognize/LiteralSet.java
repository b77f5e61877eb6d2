package io.sluice.analyzers.security.recognize;

import java.util.Locale;

/**
 * A set of ASCII literals searched for case-insensitively in one pass: the literals are bucketed by their first
 * (lower-cased) byte, so each position of the text costs one table look-up unless a literal can start there.
 *
 * <p>Thread contract: immutable after construction; {@link #containsAny} is allocation-free.
 */
final class LiteralSet {
    private final byte[][][] byFirstByte = new byte[128][][];

    LiteralSet(String... literals) {
        int[] counts = new int[128];
        byte[][] lowered = new byte[literals.length][];
        for (int i = 0; i < literals.length; i++) {
            lowered[i] = AsciiBytes.of(literals[i].toLowerCase(Locale.ROOT));
            counts[lowered[i][0]]++;
        }
        for (int c = 0; c < 128; c++) {
            byFirstByte[c] = counts[c] == 0 ? null : new byte[counts[c]][];
            counts[c] = 0;
        }
        for (byte[] literal : lowered) {
            byFirstByte[literal[0]][counts[literal[0]]++] = literal;
        }
    }

    /** True when {@code b[from, to)} contains one of the literals, ignoring ASCII case. */
    boolean containsAny(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = AsciiBytes.lower(b[i]);
            byte[][] candidates = c >= 0 ? byFirstByte[c] : null;
            if (candidates != null && startsWithAny(b, i, to, candidates)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(byte[] b, int at, int to, byte[][] candidates) {
        for (byte[] literal : candidates) {
            if (to - at >= literal.length && matchesAt(b, at, literal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] b, int at, byte[] literal) {
        for (int k = 1; k < literal.length; k++) {
            if (AsciiBytes.lower(b[at + k]) != literal[k]) {
                return false;
            }
        }
        return true;
    }
}
