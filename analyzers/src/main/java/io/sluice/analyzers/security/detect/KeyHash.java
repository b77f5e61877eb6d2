package io.sluice.analyzers.security.detect;

/**
 * 64-bit hashes of byte spans, the keys the detectors track. Keeping a hash instead of the bytes means a new key
 * allocates nothing; two keys sharing a 64-bit hash (about 1 in 10^7 for a million keys) would share their counts,
 * an error far below the windows' own. Stateless.
 */
final class KeyHash {
    private KeyHash() {
    }

    /** FNV-1a over the bytes, then a full avalanche so that any bit slice of the result is a fair table index. */
    static long of(byte[] bytes, int offset, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = (h ^ (bytes[i] & 0xff)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** A hash of a pair, e.g. (detector, subject). */
    static long of(long first, long second) {
        return mix(first * 0x9E3779B97F4A7C15L + second);
    }

    /** MurmurHash3's 64-bit finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
