package io.sluice.ingest.http;

/**
 * A cursor over the lines of a request body: LF ends a line, a CR before it is dropped, the last line needs no LF.
 * Each {@link #next()} moves to the following line and exposes it as {@code (start, length)} into the body array,
 * with its 1-based number as a client counts it (blank lines included), so error reports can name the line.
 *
 * <p>Not thread-safe: one cursor per body. Allocation-free after construction.
 */
public final class BodyLines {
    private final byte[] body;
    private final int end;
    private int nextStart;
    private int start;
    private int length;
    private int number;

    /** Lines of {@code body[0..end)}. */
    public BodyLines(byte[] body, int end) {
        this.body = body;
        this.end = end;
    }

    /** Moves to the next line; false when the body is used up. */
    public boolean next() {
        if (nextStart >= end) {
            return false;
        }
        start = nextStart;
        int lf = start;
        while (lf < end && body[lf] != '\n') {
            lf++;
        }
        int stop = lf > start && body[lf - 1] == '\r' ? lf - 1 : lf;
        length = stop - start;
        nextStart = lf + 1; // past the LF, or past the end on the last line
        number++;
        return true;
    }

    /** Offset of the current line in the body. */
    public int start() {
        return start;
    }

    /** Length of the current line without its CR LF. */
    public int length() {
        return length;
    }

    /** 1-based number of the current line. */
    public int number() {
        return number;
    }

    /** True when the current line holds nothing but spaces and tabs (skipped by every line protocol). */
    public boolean isBlank() {
        for (int i = start, stop = start + length; i < stop; i++) {
            if (body[i] != ' ' && body[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
