package io.sluice.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stable id of an alert: FNV-1a 64 over its labels sorted by name (the labels include {@code alertname}, so the
 * rule name is part of it), as 16 hex digits. Same labels, same fingerprint, across restarts and JVMs.
 */
final class Fingerprint {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    static String of(Map<String, String> labels) {
        long hash = FNV_OFFSET;
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            hash = mix(hash, e.getKey());
            hash = mix(hash, e.getValue());
        }
        return String.format("%016x", hash);
    }

    /** Each string is followed by a 0xff separator (never in UTF-8) so ("ab","c") and ("a","bc") differ. */
    private static long mix(long hash, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return (hash ^ 0xff) * FNV_PRIME;
    }
}
