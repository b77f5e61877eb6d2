package io.sluice.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.core.LogEvent;
import io.sluice.core.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyslogTimestampsTest {
    /** 2023-11-14T22:13:20Z, TestEvents' receive time. */
    private static final long RECEIVED = 1_700_000_000_000_000_000L;

    @Test
    void shouldMatchJavaTimeForRandomInstantsAndOffsets() {
        SplittableRandom random = new SplittableRandom(42);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-9_000_000_000L, 9_000_000_000L); // 1684 .. 2255
            int nanos = random.nextInt(1_000_000_000);
            int offset = random.nextInt(-18 * 60, 18 * 60 + 1) * 60;
            OffsetDateTime t = Instant.ofEpochSecond(seconds, nanos).atOffset(ZoneOffset.ofTotalSeconds(offset));
            LogEvent e = strict(t.format(format));
            assertEquals(seconds * 1_000_000_000L + nanos, e.timestampNanos(), t.toString());
            assertEquals(offset, e.timestampOffsetSeconds(), t.toString());
        }
    }

    @Test
    void shouldAcceptOffsetsBeyondJavaTimeRange() {
        LogEvent e = strict("2018-12-31T23:59:59.999999-23:59");
        assertEquals(-(23 * 3600 + 59 * 60), e.timestampOffsetSeconds());
        assertEquals(nanos("2019-01-01T23:58:59.999999Z"), e.timestampNanos());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2018-02-29T00:00:00Z", "2003-09-31T00:00:00Z", "2003-13-01T00:00:00Z", "2003-00-01T00:00:00Z",
        "2003-01-00T00:00:00Z", "2003-01-01T24:00:00Z", "2003-01-01T00:60:00Z", "2003-01-01T00:00:60Z",
        "2003-01-01t00:00:00Z", "2003-01-01T00:00:00z", "2003-01-01T00:00:00", "2003-01-01T00:00:00.Z",
        "2003-01-01T00:00:00.0000000001Z", "2003-01-01T00:00:00+24:00", "2003-01-01T00:00:00-07:61",
        "2003-01-01T00:00:00+0700", "2003-01-01 00:00:00Z", "2003-1-01T00:00:00Z", "2003-01-01T00:00:00+07"})
    void shouldRejectMalformedRfc3339WhenStrict(String text) {
        assertEquals(-1, parseRfc3339(text, false, TestEvents.raw("")));
    }

    @Test
    void shouldAcceptLeapDayInLeapYear() {
        assertEquals(Instant.parse("2016-02-29T12:00:00Z").getEpochSecond() * 1_000_000_000L,
            strict("2016-02-29T12:00:00Z").timestampNanos());
    }

    @Test
    void shouldAcceptUpToNineFractionDigitsWhenStrict() {
        assertEquals(123_456_789L, strict("1970-01-01T00:00:00.123456789Z").timestampNanos());
        assertEquals(100_000_000L, strict("1970-01-01T00:00:00.1Z").timestampNanos());
    }

    @Test
    void shouldIgnoreFractionDigitsBeyondNanosecondsWhenLenient() {
        LogEvent e = TestEvents.raw("");
        String text = "1970-01-01T00:00:00.15600000000000000000000000000000+01:00";
        assertEquals(text.length(), parseRfc3339(text, true, e));
        assertEquals(156_000_000L - 3_600_000_000_000L, e.timestampNanos());
    }

    @Test
    void shouldLeaveNoOffsetWhenLenientTimestampHasNone() {
        LogEvent e = TestEvents.raw("");
        assertEquals(19, parseRfc3339("2006-11-10 10:43:21 host", true, e));
        assertEquals(LogEvent.NO_OFFSET, e.timestampOffsetSeconds());
        assertEquals(Instant.parse("2006-11-10T10:43:21Z").getEpochSecond() * 1_000_000_000L, e.timestampNanos());
    }

    @Test
    void shouldLeaveNoTimestampForYearBeyondEpochNanos() {
        LogEvent e = TestEvents.raw("");
        assertEquals(20, parseRfc3339("9999-12-31T23:59:59Z", false, e));
        assertEquals(LogEvent.NO_TIMESTAMP, e.timestampNanos());
    }

    @Test
    void shouldTakeYearlessBsdDateFromReceiveYearAsUtcWithoutOffset() {
        LogEvent e = bsd("Oct 11 22:14:15", RECEIVED);
        assertEquals(nanos("2023-10-11T22:14:15Z"), e.timestampNanos());
        assertEquals(LogEvent.NO_OFFSET, e.timestampOffsetSeconds());
    }

    @Test
    void shouldTakeBsdDateMoreThanAMonthAheadAsLastYear() {
        assertEquals(nanos("2022-12-20T00:00:00Z"), bsd("Dec 20 00:00:00", RECEIVED).timestampNanos());
        assertEquals(nanos("2023-12-10T00:00:00Z"), bsd("Dec 10 00:00:00", RECEIVED).timestampNanos());
    }

    @Test
    void shouldTakeJanuaryDateReceivedOnNewYearsEveAsNextYear() {
        long newYearsEve = nanos("2026-12-31T23:59:00Z");
        assertEquals(nanos("2027-01-01T00:00:30Z"), bsd("Jan  1 00:00:30", newYearsEve).timestampNanos());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Mar  7 19:06:53|2023-03-07T19:06:53Z", "Mar 7 19:06:53|2023-03-07T19:06:53Z",
        "Oct 07 03:10:04|2023-10-07T03:10:04Z", "AUG 10 22:18:24|2023-08-10T22:18:24Z",
        "nov 2 01:02:03|2023-11-02T01:02:03Z", "Mar  7 2008 19:06:53|2008-03-07T19:06:53Z",
        "Apr 15 21:28:13 2007|2007-04-15T21:28:13Z", "Aug 29 02:00:00.156|2023-08-29T02:00:00.156Z",
        "Aug 29 02:00:00.|2023-08-29T02:00:00Z", "Apr 15 2007 21:28:13:|2007-04-15T21:28:13Z"})
    void shouldParseBsdVariantsRealSendersUse(String textAndInstant) {
        String[] parts = textAndInstant.split("\\|");
        LogEvent e = TestEvents.raw("");
        byte[] b = parts[0].getBytes(StandardCharsets.US_ASCII);
        assertEquals(b.length, SyslogTimestamps.parseBsd(b, 0, b.length, RECEIVED, e), parts[0]);
        assertEquals(nanos(parts[1]), e.timestampNanos(), parts[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Foo 11 22:14:15", "Oct 32 22:14:15", "Oct  0 22:14:15", "Feb 30 10:00:00",
        "Oct 11 24:14:15", "Oct 11 22:14", "Oct11 22:14:15", "Oct 111 22:14:15", "Feb 29 2019 10:00:00"})
    void shouldRejectMalformedBsdDates(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        LogEvent e = TestEvents.raw("");
        assertEquals(-1, SyslogTimestamps.parseBsd(b, 0, b.length, RECEIVED, e), text);
        assertEquals(LogEvent.NO_TIMESTAMP, e.timestampNanos());
    }

    @Test
    void shouldStopAtTheSpaceAfterTheTimestamp() {
        byte[] b = "Oct 11 22:14:15 host".getBytes(StandardCharsets.US_ASCII);
        assertEquals(15, SyslogTimestamps.parseBsd(b, 0, b.length, RECEIVED, TestEvents.raw("")));
    }

    @Test
    void shouldAgreeWithJavaTimeOnDayCountsAndYears() {
        for (long day = -110_000; day < 110_000; day += 7) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day);
            assertEquals(day, SyslogTimestamps.daysFromCivil(date.getYear(), date.getMonthValue(),
                date.getDayOfMonth()));
            assertEquals(date.getYear(), SyslogTimestamps.yearOfEpochDay(day));
        }
    }

    private static LogEvent strict(String text) {
        LogEvent e = TestEvents.raw("");
        assertEquals(text.length(), parseRfc3339(text, false, e), text);
        return e;
    }

    private static int parseRfc3339(String text, boolean lenient, LogEvent e) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return SyslogTimestamps.parseRfc3339(b, 0, b.length, lenient, e);
    }

    private static LogEvent bsd(String text, long receivedAtNanos) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        LogEvent e = TestEvents.raw("");
        assertEquals(b.length, SyslogTimestamps.parseBsd(b, 0, b.length, receivedAtNanos, e), text);
        return e;
    }

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
