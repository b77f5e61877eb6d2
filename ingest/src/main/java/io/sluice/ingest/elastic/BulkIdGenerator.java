package io.sluice.ingest.elastic;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Generates {@code _id}s for bulk documents sent without one. The journal sequence cannot serve: it is assigned when
 * the event is copied into a ring slot, after decoding, and the answer must name the id of every item.
 *
 * <p>Scheme: 15 bytes, written as 20 characters of URL-safe Base64 without padding (the length and alphabet of
 * Elasticsearch's own auto-generated ids), big-endian:
 * <pre>
 *   bytes 0..5    wall-clock epoch milliseconds when the id is made (48 bits: good until year 10889)
 *   bytes 6..11   48 random bits drawn once per generator (one per server process): separates processes
 *   bytes 12..14  24-bit counter, random start, +1 per id: separates ids made within one millisecond
 * </pre>
 * Two ids of one generator collide only if more than 16.7 million ids are made within one millisecond (or the clock
 * steps back onto an earlier millisecond just as the counter wraps onto the same value); two processes collide only if
 * their 48 random bits match. The ids are not secret and sort roughly by time.
 *
 * <p>Thread-safe and lock-free: any event loop may call {@link #next()}.
 */
public final class BulkIdGenerator {
    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();
    private static final int ID_BYTES = 15;
    private static final long NODE_MASK = (1L << 48) - 1;

    private final long node;
    private final AtomicInteger counter;
    private final LongSupplier clockMillis;

    /** Random node bits from {@link SecureRandom}, the system clock. */
    public BulkIdGenerator() {
        this(new SecureRandom(), System::currentTimeMillis);
    }

    /** For tests: a seeded {@code random} and a fixed clock give reproducible ids. */
    public BulkIdGenerator(Random random, LongSupplier clockMillis) {
        this.node = random.nextLong() & NODE_MASK;
        this.counter = new AtomicInteger(random.nextInt());
        this.clockMillis = clockMillis;
    }

    /** A new id, 20 URL-safe characters. */
    public String next() {
        byte[] b = new byte[ID_BYTES];
        putBigEndian(b, 0, clockMillis.getAsLong(), 6);
        putBigEndian(b, 6, node, 6);
        putBigEndian(b, 12, counter.getAndIncrement(), 3);
        return BASE64_URL.encodeToString(b);
    }

    private static void putBigEndian(byte[] b, int at, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            b[at + i] = (byte) value;
            value >>>= 8;
        }
    }
}
