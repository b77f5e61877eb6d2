package io.sluice.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every line a generator sends, built before the run: {@link #lineCount} lines of exactly {@link #messageBytes}
 * bytes each, every one followed by {@code '\n'}, in one array. Fixed-size lines keep the send path arithmetic
 * (events = bytes written / {@link #frameBytes}) and allocation-free; a pool of a few MiB cycles through thousands
 * of distinct lines, so the analyzers see many hosts, services and severities.
 */
public final class BodyPool {
    /** Upper bound on the pool's size: large enough for variety, small enough to stay in cache-friendly reach. */
    public static final int POOL_BYTES = 8 << 20;
    public static final int MIN_LINES = 1024;
    public static final int MAX_LINES = 16_384;
    /** Shortest line that still holds a syslog header or a JSON record with a few bytes of text. */
    public static final int MIN_MESSAGE_BYTES = 64;

    /** What the lines look like on the wire. */
    public enum Format {
        /** {@code <PRI>Mmm dd hh:mm:ss host app[pid]: text}, as loggen's bsd mode and most shippers send. */
        RFC3164,
        /** One JSON object per line, as {@code POST /api/ingest} takes it. */
        NDJSON
    }

    private final byte[] lines;
    private final int messageBytes;
    private final int lineCount;

    private BodyPool(byte[] lines, int messageBytes, int lineCount) {
        this.lines = lines;
        this.messageBytes = messageBytes;
        this.lineCount = lineCount;
    }

    /** How many lines a pool of {@code messageBytes}-byte lines holds. */
    public static int poolLines(int messageBytes) {
        return Math.max(MIN_LINES, Math.min(MAX_LINES, POOL_BYTES / (messageBytes + 1)));
    }

    /** Builds the pool from {@code samples} (cycled; their text continues into the next to pad short lines). */
    public static BodyPool build(Format format, int messageBytes, List<LogSample> samples) {
        if (messageBytes < MIN_MESSAGE_BYTES) {
            throw new IllegalArgumentException("message size must be >= " + MIN_MESSAGE_BYTES + " B, got "
                + messageBytes);
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        int count = poolLines(messageBytes);
        byte[] all = new byte[count * (messageBytes + 1)];
        StringBuilder sb = new StringBuilder(messageBytes * 2);
        for (int i = 0; i < count; i++) {
            LogSample s = samples.get(i % samples.size());
            sb.setLength(0);
            String prefix = prefix(format, s, i);
            String suffix = format == Format.NDJSON ? "\"}" : "";
            sb.append(prefix).append(s.message());
            for (int k = 1; sb.length() < messageBytes - suffix.length(); k++) {
                sb.append(" | ").append(samples.get((i + k) % samples.size()).message());
            }
            sb.setLength(messageBytes - suffix.length());
            trimTrailingSpace(sb, prefix.length());
            sb.append(suffix);
            byte[] line = sb.toString().getBytes(StandardCharsets.US_ASCII);
            if (line.length != messageBytes) {
                throw new IllegalStateException("line " + i + " is " + line.length + " B, want " + messageBytes);
            }
            System.arraycopy(line, 0, all, i * (messageBytes + 1), messageBytes);
            all[i * (messageBytes + 1) + messageBytes] = '\n';
        }
        return new BodyPool(all, messageBytes, count);
    }

    private static String prefix(Format format, LogSample s, int i) {
        if (format == Format.NDJSON) {
            return "{\"timestamp\":\"2026-11-23T10:00:00.000Z\",\"level\":\"" + s.level() + "\",\"service\":\""
                + s.app() + "\",\"host\":\"" + s.host() + "\",\"message\":\"";
        }
        return "<" + (8 + s.severity()) + ">Nov 23 10:00:00 " + s.host() + " " + s.app() + "[" + (1000 + i % 9000)
            + "]: ";
    }

    /** A line must not end in a space (syslog parsers trim it, and the stored size would differ): use a dot. */
    private static void trimTrailingSpace(StringBuilder sb, int from) {
        for (int j = sb.length() - 1; j >= from && sb.charAt(j) == ' '; j--) {
            sb.setCharAt(j, '.');
        }
    }

    /** The pool in a new direct buffer (position 0, limit = capacity), for channel writes without a copy. */
    public ByteBuffer direct() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(lines.length);
        buffer.put(lines).flip();
        return buffer;
    }

    /** Lines {@code [first, first + count)} (wrapping), each with its {@code '\n'}: an NDJSON request body. */
    public byte[] slice(int first, int count) {
        byte[] out = new byte[count * frameBytes()];
        for (int i = 0; i < count; i++) {
            System.arraycopy(lines, ((first + i) % lineCount) * frameBytes(), out, i * frameBytes(), frameBytes());
        }
        return out;
    }

    /** Bytes of one event without its {@code '\n'}. */
    public int messageBytes() {
        return messageBytes;
    }

    /** Bytes of one event with its {@code '\n'}. */
    public int frameBytes() {
        return messageBytes + 1;
    }

    public int lineCount() {
        return lineCount;
    }

    /** Bytes of the whole pool. */
    public int sizeBytes() {
        return lines.length;
    }
}
