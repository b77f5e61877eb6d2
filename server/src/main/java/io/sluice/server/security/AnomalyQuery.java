package io.sluice.server.security;

import io.sluice.analyzers.security.Anomaly;
import io.sluice.server.alerts.RecordBytes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filters of {@code GET /api/anomalies}, checked once per request. Every filter given must hold:
 * <ul>
 *   <li>{@code since} / {@code until}: ISO-8601 instants; last seen in [since, until)</li>
 *   <li>{@code detector}: one name or a comma list ({@code brute_force,port_scan})</li>
 *   <li>{@code severity}: {@code P2} (exactly), {@code P1,P2} (any of), or {@code <=P2} (P2 or worse: P1, P2)</li>
 *   <li>{@code ip} / {@code user} / {@code host}: the subject when its type is that one, or a detail whose key
 *       has that word ({@code source.ip}, {@code users}, {@code target_host} ...) holding the value, alone or in a
 *       comma list</li>
 *   <li>{@code state}: {@code open} or {@code closed}</li>
 *   <li>{@code limit}: 1 .. {@link #MAX_LIMIT}, default {@link #DEFAULT_LIMIT}; {@code cursor}: a previous
 *       answer's {@code nextCursor}</li>
 * </ul>
 *
 * @param after the cursor's position, or null for the first page
 */
record AnomalyQuery(long sinceNanos, long untilNanos, Set<String> detectors, Set<String> severities, String ip,
                    String user, String host, Boolean open, int limit, AnomalyIndex.Position after)
    implements Predicate<Anomaly> {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final Set<String> PARAMETERS = Set.of("since", "until", "detector", "severity", "ip", "user", "host",
        "state", "limit", "cursor");
    private static final Set<String> SEVERITIES = Set.of("P1", "P2", "P3");

    /**
     * Reads the query parameters ({@code param} gives the first value of a name, or null).
     *
     * @throws IllegalArgumentException with a reason for the client on a bad value
     */
    static AnomalyQuery parse(Set<String> names, Function<String, String> param) {
        for (String name : names) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(PARAMETERS)) + ")");
            }
        }
        return new AnomalyQuery(time(param, "since", Long.MIN_VALUE), time(param, "until", Long.MAX_VALUE),
            list(param.apply("detector")), severities(param.apply("severity")), blankToNull(param.apply("ip")),
            blankToNull(param.apply("user")), blankToNull(param.apply("host")), state(param.apply("state")),
            limit(param.apply("limit")), cursor(param.apply("cursor")));
    }

    @Override
    public boolean test(Anomaly a) {
        long lastSeen = RecordBytes.nanos(a.lastSeen());
        return lastSeen >= sinceNanos && lastSeen < untilNanos
            && (detectors == null || detectors.contains(a.detector()))
            && (severities == null || severities.contains(a.severity()))
            && (open == null || open == a.open())
            && concerns(a, "ip", ip) && concerns(a, "user", user) && concerns(a, "host", host);
    }

    private static boolean concerns(Anomaly a, String type, String value) {
        if (value == null || (type.equals(a.subjectType()) && value.equals(a.subject()))) {
            return true;
        }
        for (Map.Entry<String, String> d : a.details().entrySet()) {
            if (namesType(d.getKey(), type) && listed(d.getValue(), value)) {
                return true;
            }
        }
        return false;
    }

    /** True for a key with a word {@code type} or its plural: {@code source.ip}, {@code users}, {@code target_host}. */
    private static boolean namesType(String key, String type) {
        for (String word : key.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.equals(type) || word.equals(type + "s")) {
                return true;
            }
        }
        return false;
    }

    private static boolean listed(String list, String value) {
        for (String item : list.split(",")) {
            if (item.trim().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The cursor that continues after {@code last}: opaque to clients (base64url of "lastSeenNanos:id"). */
    static String cursorAfter(Anomaly last) {
        AnomalyIndex.Position p = AnomalyIndex.position(last);
        String text = p.lastSeenNanos() + ":" + p.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static AnomalyIndex.Position cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int colon = text.indexOf(':');
            return new AnomalyIndex.Position(Long.parseLong(text.substring(0, colon)),
                Long.parseLong(text.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one this server gave out");
        }
    }

    private static long time(Function<String, String> param, String name, long absent) {
        String iso = param.apply(name);
        if (iso == null || iso.isEmpty()) {
            return absent;
        }
        try {
            Instant instant;
            try {
                instant = Instant.parse(iso);
            } catch (DateTimeParseException e) {
                instant = OffsetDateTime.parse(iso).toInstant();
            }
            return RecordBytes.nanos(instant);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + "='" + iso + "' is not an ISO-8601 time like "
                + "2026-11-23T10:00:00Z");
        }
    }

    private static Set<String> severities(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.startsWith("<=")) {
            String worst = value.substring(2).trim().toUpperCase(java.util.Locale.ROOT);
            checkSeverity(worst, value);
            Set<String> atLeast = new java.util.TreeSet<>();
            for (int rank = 1; rank <= worst.charAt(1) - '0'; rank++) {
                atLeast.add("P" + rank);
            }
            return atLeast;
        }
        Set<String> listed = list(value.toUpperCase(java.util.Locale.ROOT));
        listed.forEach(s -> checkSeverity(s, value));
        return listed;
    }

    private static void checkSeverity(String severity, String value) {
        if (!SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("severity='" + value + "': use P1, P2 or P3, a list (P1,P2) or "
                + "<=P2 for P2 or worse");
        }
    }

    private static Set<String> list(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Set<String> items = new java.util.TreeSet<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items.isEmpty() ? null : items;
    }

    private static Boolean state(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "open" -> Boolean.TRUE;
            case "closed" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("state='" + value + "': use open or closed");
        };
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("limit='" + value + "': use a whole number from 1 to " + MAX_LIMIT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
