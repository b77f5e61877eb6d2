package io.sluice.analyzers.security.recognize;

import java.util.Locale;

/**
 * A set of ASCII literals, each with a caller-chosen tag, searched for case-insensitively in one pass: the literals
 * are bucketed by their first (lower-cased) byte, so each position of the text costs one table look-up unless a
 * literal can start there.
 *
 * <p>Thread contract: immutable after construction; {@link #find} and {@link #containsAny} are allocation-free.
 */
final class LiteralSet {
    /** {@link #find}'s answer when no literal occurs. */
    static final int NONE = -1;

    private final byte[][][] byFirstByte = new byte[128][][];
    private final int[][] tagsByFirstByte = new int[128][];

    /** All literals tagged 0. */
    LiteralSet(String... literals) {
        this(new int[literals.length], literals);
    }

    /** {@code tags[i]} is what {@link #find} returns when {@code literals[i]} is found. */
    LiteralSet(int[] tags, String... literals) {
        int[] counts = new int[128];
        byte[][] lowered = new byte[literals.length][];
        for (int i = 0; i < literals.length; i++) {
            lowered[i] = AsciiBytes.of(literals[i].toLowerCase(Locale.ROOT));
            counts[lowered[i][0]]++;
        }
        for (int c = 0; c < 128; c++) {
            byFirstByte[c] = counts[c] == 0 ? null : new byte[counts[c]][];
            tagsByFirstByte[c] = counts[c] == 0 ? null : new int[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < lowered.length; i++) {
            int c = lowered[i][0];
            tagsByFirstByte[c][counts[c]] = tags[i];
            byFirstByte[c][counts[c]++] = lowered[i];
        }
    }

    /** True when {@code b[from, to)} contains one of the literals, ignoring ASCII case. */
    boolean containsAny(byte[] b, int from, int to) {
        return find(b, from, to) != NONE;
    }

    /** The tag of the leftmost literal found in {@code b[from, to)}, ignoring ASCII case, or {@link #NONE}. */
    int find(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = AsciiBytes.lower(b[i]);
            byte[][] candidates = c >= 0 ? byFirstByte[c] : null;
            if (candidates == null) {
                continue;
            }
            for (int k = 0; k < candidates.length; k++) {
                if (to - i >= candidates[k].length && matchesAt(b, i, candidates[k])) {
                    return tagsByFirstByte[c][k];
                }
            }
        }
        return NONE;
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
