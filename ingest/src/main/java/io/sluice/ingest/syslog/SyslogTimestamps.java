package io.sluice.ingest.syslog;

import static io.sluice.ingest.syslog.SyslogBytes.digits;
import static io.sluice.ingest.syslog.SyslogBytes.skipDigits;

import io.sluice.core.LogEvent;

/**
 * Syslog header timestamps parsed from bytes straight to epoch nanoseconds with calendar arithmetic (Howard
 * Hinnant's days-from-civil), so the hot path needs neither {@code java.time} nor a String.
 *
 * <p>Two grammars: RFC 3339 (the RFC 5424 TIMESTAMP, and ISO dates inside BSD headers, parsed leniently) and the
 * BSD family {@code Mmm dd hh:mm:ss} with the variants real senders use. Each parse method returns the index just
 * after the text it accepted, or -1; on success it has called {@link LogEvent#setTimestamp}, on failure it has not
 * touched the event. A date that is well-formed but outside what epoch nanoseconds can hold (before 1678, after
 * 2261) is accepted and leaves {@link LogEvent#NO_TIMESTAMP}.
 *
 * <p>Static, allocation-free, thread-safe.
 */
public final class SyslogTimestamps {
    /** A year-less BSD date further than this after the receive time is taken to be from the previous year. */
    public static final long FUTURE_WINDOW_SECONDS = 31L * 86_400L;
    /** A year-less BSD date this far before the receive time is taken to be from the next year (New Year's Eve). */
    public static final long PAST_WINDOW_SECONDS = (365L - 31L) * 86_400L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final int MAX_STRICT_FRACTION_DIGITS = 9; // RFC 5424 says 6; senders with nanos exist
    private static final int MIN_YEAR = 1678; // epoch nanoseconds in a long span 1677-09-21 .. 2262-04-11
    private static final int MAX_YEAR = 2261;
    private static final int MIN_BSD_YEAR = 1970; // a 4-digit word outside this is a hostname, not a year
    private static final int MAX_BSD_YEAR = 2099;
    private static final int LEAP_YEAR = 2000; // lets a year-less "Feb 29" through validation
    private static final int INVALID_OFFSET = Integer.MAX_VALUE;

    private static final int JAN = 'j' << 16 | 'a' << 8 | 'n';
    private static final int FEB = 'f' << 16 | 'e' << 8 | 'b';
    private static final int MAR = 'm' << 16 | 'a' << 8 | 'r';
    private static final int APR = 'a' << 16 | 'p' << 8 | 'r';
    private static final int MAY = 'm' << 16 | 'a' << 8 | 'y';
    private static final int JUN = 'j' << 16 | 'u' << 8 | 'n';
    private static final int JUL = 'j' << 16 | 'u' << 8 | 'l';
    private static final int AUG = 'a' << 16 | 'u' << 8 | 'g';
    private static final int SEP = 's' << 16 | 'e' << 8 | 'p';
    private static final int OCT = 'o' << 16 | 'c' << 8 | 't';
    private static final int NOV = 'n' << 16 | 'o' << 8 | 'v';
    private static final int DEC = 'd' << 16 | 'e' << 8 | 'c';

    private SyslogTimestamps() {
    }

    /**
     * RFC 3339 {@code YYYY-MM-DDThh:mm:ss[.frac](Z|+hh:mm|-hh:mm)} at {@code b[p..end)}.
     *
     * @param lenient false: RFC 5424 (upper-case T and Z, 1..9 fraction digits, offset required); true: as BSD
     *     relays send it (T or space, any number of fraction digits, no offset means {@link LogEvent#NO_OFFSET})
     */
    public static int parseRfc3339(byte[] b, int p, int end, boolean lenient, LogEvent e) {
        return parseRfc3339(b, p, end, lenient, e, DateMemo.NONE);
    }

    /** As above, converting the date through a decoder's {@code memo}. */
    public static int parseRfc3339(byte[] b, int p, int end, boolean lenient, LogEvent e, DateMemo memo) {
        if (end - p < 19) {
            return -1;
        }
        int year;
        long wallClock;
        if (memo.isLastDateTime(b, p)) {
            // the same 19 bytes were valid last time; only the separator's check depends on the caller
            if (!isDateTimeSeparator(b[p + 10], lenient)) {
                return -1;
            }
            year = memo.lastDateTimeYear();
            wallClock = memo.lastDateTimeSeconds();
        } else {
            year = digits(b, p, 4);
            int month = digits(b, p + 5, 2);
            int day = digits(b, p + 8, 2);
            int secondOfDay = secondOfDay(b, p + 11, 59);
            if (b[p + 4] != '-' || b[p + 7] != '-' || !isDateTimeSeparator(b[p + 10], lenient)
                || !isValidDate(year, month, day) || secondOfDay < 0) {
                return -1;
            }
            wallClock = memo.epochDay(year, month, day) * SECONDS_PER_DAY + secondOfDay;
            memo.rememberDateTime(b, p, year, wallClock);
        }
        int q = p + 19;
        long fraction = 0;
        if (q < end && b[q] == '.') {
            int fractionEnd = skipDigits(b, q + 1, end);
            int count = fractionEnd - q - 1;
            if (!lenient && (count == 0 || count > MAX_STRICT_FRACTION_DIGITS)) {
                return -1;
            }
            fraction = fractionNanos(b, q + 1, fractionEnd);
            q = fractionEnd;
        }
        int offset = offsetSeconds(b, q, end, lenient);
        if (offset == INVALID_OFFSET) {
            return -1;
        }
        q += offset == LogEvent.NO_OFFSET ? 0 : b[q] == '+' || b[q] == '-' ? 6 : 1;
        setTimestamp(e, year, wallClock, fraction, offset);
        return q;
    }

    /**
     * BSD {@code Mmm dd hh:mm:ss} at {@code b[p..end)}, with the variants rsyslog and syslog-ng accept: month in any
     * case, day space- or zero-padded or a single digit, a year after the day ({@code Mar  7 2008 19:06:53}) or after
     * the time ({@code Apr 15 21:28:13 2007}), fraction digits, a colon after the time (Cisco, PIX). A year-less date
     * gets the year that puts it within ({@link #PAST_WINDOW_SECONDS} before, {@link #FUTURE_WINDOW_SECONDS} after]
     * {@code receivedAtNanos}. The wall clock is taken as UTC and the offset is {@link LogEvent#NO_OFFSET}.
     */
    public static int parseBsd(byte[] b, int p, int end, long receivedAtNanos, LogEvent e) {
        return parseBsd(b, p, end, receivedAtNanos, e, DateMemo.NONE);
    }

    /** As above, converting the date through a decoder's {@code memo}. */
    public static int parseBsd(byte[] b, int p, int end, long receivedAtNanos, LogEvent e, DateMemo memo) {
        if (end - p < 14) { // "Mmm d hh:mm:ss"
            return -1;
        }
        int month = month(b, p);
        if (month < 0 || b[p + 3] != ' ') {
            return -1;
        }
        int q = b[p + 4] == ' ' ? p + 5 : p + 4;
        int dayEnd = skipDigits(b, q, Math.min(end, q + 2));
        if (dayEnd == q || dayEnd >= end || b[dayEnd] != ' ') {
            return -1;
        }
        int day = digits(b, q, dayEnd - q);
        q = dayEnd + 1;
        int year = yearAt(b, q, end);
        q = year < 0 ? q : q + 5;
        int secondOfDay = end - q < 8 ? -1 : secondOfDay(b, q, 60); // a BSD leap second rolls over
        if (secondOfDay < 0) {
            return -1;
        }
        q += 8;
        long fraction = 0;
        if (q < end && b[q] == '.') {
            int fractionEnd = skipDigits(b, q + 1, end);
            fraction = fractionNanos(b, q + 1, fractionEnd);
            q = fractionEnd;
        }
        if (q < end && b[q] == ':') {
            q++;
        }
        if (year < 0 && q < end && b[q] == ' ' && (year = yearAt(b, q + 1, end)) >= 0) {
            q += 5;
        }
        if (!isValidDate(year < 0 ? LEAP_YEAR : year, month, day)) {
            return -1;
        }
        if (year < 0) {
            year = inferYear(month, day, secondOfDay, receivedAtNanos, memo);
        }
        setTimestamp(e, year, memo.epochDay(year, month, day) * SECONDS_PER_DAY + secondOfDay, fraction,
            LogEvent.NO_OFFSET);
        return q;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
    public static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** Year of a day count since 1970-01-01 (Hinnant's civil_from_days, year only). */
    static int yearOfEpochDay(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153; // 0 = March
        return (int) (yearOfEra + era * 400 + (shiftedMonth >= 10 ? 1 : 0));
    }

    static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static boolean isValidDate(int year, int month, int day) {
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        int max = month == 2 ? (isLeapYear(year) ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        return day <= max;
    }

    /** Seconds since midnight of {@code hh:mm:ss} at {@code b[q..q+8)}, or -1. Caller checks bounds. */
    private static int secondOfDay(byte[] b, int q, int maxSecond) {
        int hour = digits(b, q, 2);
        int minute = digits(b, q + 3, 2);
        int second = digits(b, q + 6, 2);
        if (b[q + 2] != ':' || b[q + 5] != ':' || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
            || second > maxSecond) {
            return -1;
        }
        return hour * 3600 + minute * 60 + second;
    }

    private static boolean isDateTimeSeparator(byte c, boolean lenient) {
        return c == 'T' || (lenient && (c == 't' || c == ' '));
    }

    /** Offset in seconds at {@code b[q]}; {@link LogEvent#NO_OFFSET} if lenient and absent; or INVALID_OFFSET. */
    private static int offsetSeconds(byte[] b, int q, int end, boolean lenient) {
        if (q < end && (b[q] == 'Z' || (lenient && b[q] == 'z'))) {
            return 0;
        }
        if (q < end && (b[q] == '+' || b[q] == '-')) {
            if (end - q < 6 || b[q + 3] != ':') {
                return INVALID_OFFSET;
            }
            int hours = digits(b, q + 1, 2);
            int minutes = digits(b, q + 4, 2);
            if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
                return INVALID_OFFSET;
            }
            int seconds = hours * 3600 + minutes * 60;
            return b[q] == '-' ? -seconds : seconds;
        }
        return lenient ? LogEvent.NO_OFFSET : INVALID_OFFSET;
    }

    /** Nanoseconds of the fraction digits {@code b[from..to)}; digits past the ninth are ignored. */
    private static long fractionNanos(byte[] b, int from, int to) {
        int count = Math.min(to - from, 9);
        long nanos = 0;
        for (int i = 0; i < 9; i++) {
            nanos = nanos * 10 + (i < count ? b[from + i] - '0' : 0);
        }
        return nanos;
    }

    /** 1..12 for a month abbreviation in any letter case at {@code b[p..p+3)}, else -1. Caller checks bounds. */
    private static int month(byte[] b, int p) {
        int key = lower(b[p]) << 16 | lower(b[p + 1]) << 8 | lower(b[p + 2]);
        switch (key) {
            case JAN: return 1;
            case FEB: return 2;
            case MAR: return 3;
            case APR: return 4;
            case MAY: return 5;
            case JUN: return 6;
            case JUL: return 7;
            case AUG: return 8;
            case SEP: return 9;
            case OCT: return 10;
            case NOV: return 11;
            case DEC: return 12;
            default: return -1;
        }
    }

    /** ASCII letters to lower case; other bytes never collide with a lower-case letter. */
    private static int lower(byte c) {
        return (c & 0xFF) | 0x20;
    }

    /** A plausible 4-digit year at {@code b[q..q+4)} followed by a space or the end, or -1. */
    private static int yearAt(byte[] b, int q, int end) {
        if (end - q < 4 || (q + 4 < end && b[q + 4] != ' ')) {
            return -1;
        }
        int year = digits(b, q, 4);
        return year >= MIN_BSD_YEAR && year <= MAX_BSD_YEAR ? year : -1;
    }

    private static int inferYear(int month, int day, int secondOfDay, long receivedAtNanos, DateMemo memo) {
        long received = Math.floorDiv(receivedAtNanos, NANOS_PER_SECOND);
        int year = memo.yearOf(receivedAtNanos);
        long candidate = memo.epochDay(year, month, day) * SECONDS_PER_DAY + secondOfDay;
        if (candidate - received > FUTURE_WINDOW_SECONDS) {
            return year - 1;
        }
        return received - candidate >= PAST_WINDOW_SECONDS ? year + 1 : year;
    }

    /** Sets {@code e}'s timestamp from a wall clock in epoch seconds (UTC when {@code offset} is NO_OFFSET). */
    private static void setTimestamp(LogEvent e, int year, long wallClock, long fraction, int offset) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return; // valid text, but the instant does not fit epoch nanoseconds
        }
        long utc = offset == LogEvent.NO_OFFSET ? wallClock : wallClock - offset;
        e.setTimestamp(utc * NANOS_PER_SECOND + fraction, offset);
    }
}
