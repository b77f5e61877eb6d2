package io.sluice.ingest.syslog;

/**
 * A decoder's memo of the last dates it turned into epoch time: a sender's lines carry one date all day, and the
 * conversion takes a dozen 64-bit divisions per line (the year of the receive time for a year-less BSD date, then the
 * civil date's day count). A hit returns exactly what the computation would.
 *
 * <p>Thread contract: one per decoder, used by its thread only. {@link #NONE} caches nothing and may be shared.
 */
public final class DateMemo {
    /** Computes every time: for callers that convert one date now and then. */
    public static final DateMemo NONE = new DateMemo(false);

    private static final long NANOS_PER_DAY = 86_400L * 1_000_000_000L;

    private final boolean caching;
    private int year = Integer.MIN_VALUE;
    private int month;
    private int day;
    private long epochDay;
    // the receive day [start, end) in epoch nanos and its year; empty at first, so any time misses it
    private long receiveDayStart;
    private long receiveDayEnd;
    private int receiveYear;

    public DateMemo() {
        this(true);
    }

    private DateMemo(boolean caching) {
        this.caching = caching;
    }

    /** {@link SyslogTimestamps#daysFromCivil}, remembered for the last date. */
    long epochDay(int year, int month, int day) {
        if (!caching) {
            return SyslogTimestamps.daysFromCivil(year, month, day);
        }
        if (year != this.year || month != this.month || day != this.day) {
            this.epochDay = SyslogTimestamps.daysFromCivil(year, month, day);
            this.year = year;
            this.month = month;
            this.day = day;
        }
        return epochDay;
    }

    /** The year (UTC) of the day holding {@code epochNanos}, remembered for that day. */
    int yearOf(long epochNanos) {
        if (!caching) {
            return SyslogTimestamps.yearOfEpochDay(Math.floorDiv(epochNanos, NANOS_PER_DAY));
        }
        if (epochNanos < receiveDayStart || epochNanos >= receiveDayEnd) {
            long day = Math.floorDiv(epochNanos, NANOS_PER_DAY);
            receiveYear = SyslogTimestamps.yearOfEpochDay(day);
            receiveDayStart = day * NANOS_PER_DAY;
            receiveDayEnd = receiveDayStart + NANOS_PER_DAY;
        }
        return receiveYear;
    }
}
