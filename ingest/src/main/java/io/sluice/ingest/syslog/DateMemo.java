package io.sluice.ingest.syslog;

import java.util.Arrays;

/**
 * A decoder's memo of the last dates it turned into epoch time: a sender's lines carry one date all day, and the
 * conversion takes a dozen 64-bit divisions per line (the year of the receive time for a year-less BSD date, then the
 * civil date's day count); at a few thousand lines a second most lines even share their second, so the last RFC 3339
 * date and time ({@code YYYY-MM-DDThh:mm:ss}) is kept as bytes too, and a line that repeats it is compared, not
 * parsed. A hit returns exactly what the computation would.
 *
 * <p>Thread contract: one per decoder, used by its thread only. {@link #NONE} caches nothing and may be shared.
 */
public final class DateMemo {
    /** Computes every time: for callers that convert one date now and then. */
    public static final DateMemo NONE = new DateMemo(false);

    private static final long NANOS_PER_DAY = 86_400L * 1_000_000_000L;
    /** {@code YYYY-MM-DDThh:mm:ss} */
    private static final int DATE_TIME_BYTES = 19;

    private final boolean caching;
    private int year = Integer.MIN_VALUE;
    private int month;
    private int day;
    private long epochDay;
    // the receive day [start, end) in epoch nanos and its year; empty at first, so any time misses it
    private long receiveDayStart;
    private long receiveDayEnd;
    private int receiveYear;
    // the last valid RFC 3339 date and time, its year and its wall clock in epoch seconds; none at first
    private final byte[] dateTime = new byte[DATE_TIME_BYTES];
    private boolean hasDateTime;
    private int dateTimeYear;
    private long dateTimeSeconds;

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

    /** Whether {@code b[p, p + 19)} is the RFC 3339 date and time remembered last; never for {@link #NONE}. */
    boolean isLastDateTime(byte[] b, int p) {
        return hasDateTime && Arrays.equals(dateTime, 0, DATE_TIME_BYTES, b, p, p + DATE_TIME_BYTES);
    }

    int lastDateTimeYear() {
        return dateTimeYear;
    }

    long lastDateTimeSeconds() {
        return dateTimeSeconds;
    }

    /** Remembers the valid date and time at {@code b[p, p + 19)}: its year and wall clock in epoch seconds. */
    void rememberDateTime(byte[] b, int p, int year, long wallClockSeconds) {
        if (caching) {
            System.arraycopy(b, p, dateTime, 0, DATE_TIME_BYTES);
            dateTimeYear = year;
            dateTimeSeconds = wallClockSeconds;
            hasDateTime = true;
        }
    }
}
