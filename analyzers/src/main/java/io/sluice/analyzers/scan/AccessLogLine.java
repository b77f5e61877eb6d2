package io.sluice.analyzers.scan;

/**
 * Reads the HTTP status and nginx/apache {@code $request_time} of an access-log line (combined or common log format,
 * {@code ... "GET /x HTTP/1.1" 503 1234 "-" "curl/8" 0.123}) without copying it.
 *
 * <p>The status is the 3-digit number right after the request's protocol ({@code HTTP/<version>}, optionally closed
 * by a quote, then one space), so a "500" elsewhere in the text never counts. The request time is the line's last
 * space-separated token when it comes after the status and the body size that follows it, and reads
 * {@code <digits>.<digits>}: seconds with a fraction,
 * as nginx's {@code $request_time} prints it. An integer there (apache's {@code %D} microseconds, or the body size of a
 * plain combined line) is not read: it cannot be told apart from a size. Stateless; allocation-free.
 */
public final class AccessLogLine {
    /** Returned when the text holds no access-log request and status. */
    public static final int NONE = -1;
    private static final byte[] PROTOCOL = {'H', 'T', 'T', 'P', '/'};

    private AccessLogLine() {
    }

    /** Index of the first status digit in {@code bytes[offset, offset+length)}, or NONE. */
    public static int statusIndex(byte[] bytes, int offset, int length) {
        int end = offset + length;
        for (int i = ByteSearch.indexOf(bytes, offset, end, (byte) 'H'); i >= 0 && i + PROTOCOL.length < end;
             i = ByteSearch.indexOf(bytes, i + 1, end, (byte) 'H')) {
            if (!startsWithProtocol(bytes, i)) {
                continue;
            }
            int j = i + PROTOCOL.length;
            while (j < end && (DurationBytes.isDigit(bytes[j]) || bytes[j] == '.')) {
                j++;
            }
            if (j < end && bytes[j] == '"') {
                j++;
            }
            if (j + 4 <= end && bytes[j] == ' ' && isStatus(bytes, j + 1, end)) {
                return j + 1;
            }
        }
        return NONE;
    }

    /** The status of an access-log line, or NONE. */
    public static int status(byte[] bytes, int offset, int length) {
        return statusAt(bytes, statusIndex(bytes, offset, length));
    }

    /** The status whose first digit {@link #statusIndex} found at {@code at}, or NONE when {@code at} is NONE. */
    public static int statusAt(byte[] bytes, int at) {
        return at == NONE ? NONE : (bytes[at] - '0') * 100 + (bytes[at + 1] - '0') * 10 + (bytes[at + 2] - '0');
    }

    /** The request time of an access-log line in microseconds (see the class comment), or NONE. */
    public static long requestTimeMicros(byte[] bytes, int offset, int length) {
        return requestTimeMicros(bytes, offset, length, statusIndex(bytes, offset, length));
    }

    /**
     * As {@link #requestTimeMicros(byte[], int, int)}, for a line whose {@link #statusIndex} is already known: {@code at}
     * is what it returned for the same bytes.
     */
    public static long requestTimeMicros(byte[] bytes, int offset, int length, int at) {
        if (at == NONE) {
            return NONE;
        }
        int end = offset + length;
        while (end > at && isSpace(bytes[end - 1])) {
            end--;
        }
        int start = end;
        while (start > at && !isSpace(bytes[start - 1])) {
            start--;
        }
        int sizeEnd = at + 4; // the token right after the status is the body size, never the time
        while (sizeEnd < end && !isSpace(bytes[sizeEnd])) {
            sizeEnd++;
        }
        if (start <= sizeEnd || !isDecimalWithDot(bytes, start, end)) {
            return NONE;
        }
        return DurationBytes.micros(bytes, start, end - start, DurationUnit.SECONDS);
    }

    private static boolean startsWithProtocol(byte[] bytes, int i) {
        for (int k = 1; k < PROTOCOL.length; k++) {
            if (bytes[i + k] != PROTOCOL[k]) {
                return false;
            }
        }
        return true;
    }

    /** Three digits 1xx..5xx followed by a space or the end. */
    private static boolean isStatus(byte[] bytes, int i, int end) {
        return bytes[i] >= '1' && bytes[i] <= '5' && DurationBytes.isDigit(bytes[i + 1])
            && DurationBytes.isDigit(bytes[i + 2]) && (i + 3 == end || isSpace(bytes[i + 3]));
    }

    private static boolean isDecimalWithDot(byte[] bytes, int from, int to) {
        int dot = -1;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '.' && dot < 0) {
                dot = i;
            } else if (!DurationBytes.isDigit(bytes[i])) {
                return false;
            }
        }
        return dot > from && dot < to - 1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
