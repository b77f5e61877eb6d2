package io.sluice.core;

import java.nio.charset.StandardCharsets;

/**
 * One ring slot: a mutable, preallocated event that producers fill in place and consumers read.
 *
 * <p>The slot holds the bytes as received plus what the parser found in them, as primitives and
 * {@link Field} spans (offset, length) into {@link #raw()}: no object is created per event. A span length of
 * {@link #ABSENT} means the field is missing or NILVALUE ({@code -}).
 *
 * <p>Thread contract (the Disruptor's): exactly one producer writes a slot between claim and publish, then
 * consumers only read it until the ring wraps. Nothing here is synchronized; the ring's sequence barriers
 * publish the writes.
 */
public final class LogEvent {
    /** Span length of a field that is absent or NILVALUE. */
    public static final int ABSENT = -1;
    /** {@link #timestampNanos()} of an event that carried no usable timestamp. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
    /** {@link #timestampOffsetSeconds()} when the sender gave no zone (RFC 3164 local time). */
    public static final int NO_OFFSET = Integer.MIN_VALUE;
    /** Inline raw capacity a slot starts with; larger messages grow the slot (see {@link #ensureRawCapacity}). */
    public static final int DEFAULT_INLINE_BYTES = 2048;
    /** Room for "[ipv6]:port" in ASCII. */
    public static final int MAX_PEER_BYTES = 64;

    /** Flag: the frame was longer than the configured maximum and was cut; it goes to the dead-letter queue. */
    public static final int FLAG_TRUNCATED = 1;

    private final byte[] inlineRaw;
    private byte[] raw;
    private int rawLength;

    private final byte[] peer = new byte[MAX_PEER_BYTES];
    private int peerLength;

    private final int[] spanOffset = new int[Field.COUNT];
    private final int[] spanLength = new int[Field.COUNT];
    /**
     * Bit {@code ordinal} set: that field's span is present. The arrays are read only under it, so resetting a slot
     * is one store instead of filling both arrays (a profile of the event loop found ~10 % in those fills).
     */
    private int presentSpans;

    static {
        if (Field.COUNT > Integer.SIZE) {
            throw new ExceptionInInitializerError("presentSpans holds " + Integer.SIZE + " fields, Field has "
                + Field.COUNT);
        }
    }

    private long sequence;
    private long receivedAtNanos;
    private long timestampNanos;
    private int timestampOffsetSeconds;
    // Codes, not enum references: a reference stored into a long-lived slot costs a GC write barrier and, in G1, a
    // dirty card for the refinement threads to scan (measured: 0.12 us per event of G1 refinement CPU).
    private byte transportCode;
    private byte formatCode;
    private int facility;
    private int severity;
    private int flags;
    private int originalLength;

    public LogEvent() {
        this(DEFAULT_INLINE_BYTES);
    }

    public LogEvent(int inlineBytes) {
        this.inlineRaw = new byte[inlineBytes];
        this.raw = inlineRaw;
        clearParsed();
        this.transportCode = Transport.UNKNOWN.code();
    }

    /**
     * Resets everything a parser sets, so a slot reused from the previous lap carries nothing over. The raw bytes,
     * peer, transport, sequence and receive time are the producer's to set.
     */
    public void clearParsed() {
        presentSpans = 0;
        formatCode = Format.RAW.code();
        facility = Facility.UNKNOWN;
        severity = Severity.UNKNOWN;
        timestampNanos = NO_TIMESTAMP;
        timestampOffsetSeconds = NO_OFFSET;
        flags = 0;
    }

    /**
     * Makes room for {@code length} raw bytes. A message larger than the inline buffer gets its own array (rare:
     * the inline size covers typical lines); the next ordinary message returns the slot to its inline buffer, so a
     * burst of large lines is garbage after one lap of the ring instead of pinning memory forever.
     */
    public byte[] ensureRawCapacity(int length) {
        if (length <= inlineRaw.length) {
            if (raw != inlineRaw) { // the usual case stores nothing: no GC barrier on the hot path
                raw = inlineRaw;
            }
        } else if (raw.length < length) {
            raw = new byte[length];
        }
        return raw;
    }

    /** Copies {@code length} bytes as the event's raw content and clears what a previous lap parsed. */
    public void setRaw(byte[] src, int offset, int length) {
        System.arraycopy(src, offset, ensureRawCapacity(length), 0, length);
        rawLength = length;
        originalLength = length;
        clearParsed();
    }

    /** For producers that wrote into {@link #ensureRawCapacity(int)} directly. */
    public void setRawLength(int length) {
        rawLength = length;
        originalLength = length;
        clearParsed();
    }

    public byte[] raw() {
        return raw;
    }

    public int rawLength() {
        return rawLength;
    }

    /** Length of the frame as sent; larger than {@link #rawLength()} only when the frame was truncated. */
    public int originalLength() {
        return originalLength;
    }

    /** Restores the frame's length as sent (a reader decoding a stored record). */
    public void setOriginalLength(int originalLength) {
        this.originalLength = originalLength;
    }

    public void markTruncated(int originalLength) {
        this.originalLength = originalLength;
        this.flags |= FLAG_TRUNCATED;
    }

    public boolean isTruncated() {
        return (flags & FLAG_TRUNCATED) != 0;
    }

    public int flags() {
        return flags;
    }

    public void setFlags(int flags) {
        this.flags = flags;
    }

    public void setPeer(byte[] ascii, int length) {
        int n = Math.min(length, MAX_PEER_BYTES);
        System.arraycopy(ascii, 0, peer, 0, n);
        peerLength = n;
    }

    public byte[] peer() {
        return peer;
    }

    public int peerLength() {
        return peerLength;
    }

    /** Sets the field's span; a {@code length} of {@link #ABSENT} clears it. */
    public void setSpan(Field field, int offset, int length) {
        int i = field.ordinal();
        spanOffset[i] = offset;
        spanLength[i] = length;
        presentSpans = length == ABSENT ? presentSpans & ~(1 << i) : presentSpans | 1 << i;
    }

    public void clearSpan(Field field) {
        presentSpans &= ~(1 << field.ordinal());
    }

    /** Offset of the field's bytes in {@link #raw()}, or 0 when it is absent. */
    public int spanOffset(Field field) {
        int i = field.ordinal();
        return (presentSpans & 1 << i) != 0 ? spanOffset[i] : 0;
    }

    /** Length of the field's bytes in {@link #raw()}, or {@link #ABSENT}. */
    public int spanLength(Field field) {
        int i = field.ordinal();
        return (presentSpans & 1 << i) != 0 ? spanLength[i] : ABSENT;
    }

    public boolean has(Field field) {
        return (presentSpans & 1 << field.ordinal()) != 0;
    }

    /** Journal sequence number: assigned once when the slot is claimed, never reused, also across restarts. */
    public long sequence() {
        return sequence;
    }

    public void setSequence(long sequence) {
        this.sequence = sequence;
    }

    public long receivedAtNanos() {
        return receivedAtNanos;
    }

    public void setReceivedAtNanos(long receivedAtNanos) {
        this.receivedAtNanos = receivedAtNanos;
    }

    /** Event time from the message header in epoch nanoseconds, or {@link #NO_TIMESTAMP}. */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** Zone offset the sender wrote, or {@link #NO_OFFSET} if the header carried none. */
    public int timestampOffsetSeconds() {
        return timestampOffsetSeconds;
    }

    public void setTimestamp(long epochNanos, int offsetSeconds) {
        this.timestampNanos = epochNanos;
        this.timestampOffsetSeconds = offsetSeconds;
    }

    public Transport transport() {
        return Transport.ofCode(transportCode);
    }

    public void setTransport(Transport transport) {
        this.transportCode = transport.code();
    }

    public Format format() {
        return Format.ofCode(formatCode);
    }

    public void setFormat(Format format) {
        this.formatCode = format.code();
    }

    /** Facility 0..23, or {@link Facility#UNKNOWN}. */
    public int facility() {
        return facility;
    }

    /** Severity 0..7, or {@link Severity#UNKNOWN}. */
    public int severity() {
        return severity;
    }

    public void setPriority(int facility, int severity) {
        this.facility = facility;
        this.severity = severity;
    }

    /** Copies a field out as a String. Allocates: for tests and the API edge, never the hot path. */
    public String fieldAsString(Field field) {
        int length = spanLength(field);
        return length == ABSENT ? null : new String(raw, spanOffset(field), length, StandardCharsets.UTF_8);
    }

    /**
     * Copies every value from {@code other}, its sequence included; used when an event must outlive its slot (tests,
     * replay) and to move a decoded draft into a claimed slot (the caller then sets the slot's own sequence).
     */
    public void copyFrom(LogEvent other) {
        setRaw(other.raw, 0, other.rawLength);
        System.arraycopy(other.spanOffset, 0, spanOffset, 0, Field.COUNT);
        System.arraycopy(other.spanLength, 0, spanLength, 0, Field.COUNT);
        presentSpans = other.presentSpans;
        setPeer(other.peer, other.peerLength);
        sequence = other.sequence;
        receivedAtNanos = other.receivedAtNanos;
        timestampNanos = other.timestampNanos;
        timestampOffsetSeconds = other.timestampOffsetSeconds;
        transportCode = other.transportCode;
        formatCode = other.formatCode;
        facility = other.facility;
        severity = other.severity;
        flags = other.flags;
        originalLength = other.originalLength;
    }

    @Override
    public String toString() {
        return "LogEvent{seq=" + sequence + ", format=" + format() + ", facility=" + facility + ", severity=" + severity
            + ", host=" + fieldAsString(Field.HOSTNAME) + ", app=" + fieldAsString(Field.APP_NAME)
            + ", msg=" + fieldAsString(Field.MESSAGE) + '}';
    }
}
