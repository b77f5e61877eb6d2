package io.sluice.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.core.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A memo must never change a timestamp: the same lines parse to the same instants with and without one. */
class DateMemoTest {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final long DAY_NANOS = 86_400_000_000_000L;

    @Test
    void shouldParseAsWithoutAMemoAcrossDaysYearsAndNewYearsEve() {
        SplittableRandom random = new SplittableRandom(11);
        DateMemo memo = new DateMemo();
        LogEvent withMemo = new LogEvent();
        LogEvent without = new LogEvent();
        long received = Instant.parse("2026-12-30T00:00:00Z").toEpochMilli() * 1_000_000L;
        String line = "Dec 30 00:00:00";
        String dateTime = "2026-11-23T10:00:00";
        for (int i = 0; i < 200_000; i++) {
            if (random.nextInt(50) == 0) { // a new date now and then, runs of the same one between
                int month = random.nextInt(12);
                line = String.format("%s %2d %02d:%02d:%02d", MONTHS[month], 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60));
            }
            received += random.nextInt(100) == 0 ? random.nextLong(-3 * DAY_NANOS, 3 * DAY_NANOS)
                : random.nextLong(1_000_000_000L);
            if (random.nextInt(10_000) == 0) {
                received = random.nextLong(); // anywhere epoch nanos reach
            }
            byte[] b = (line + " host app: x").getBytes(StandardCharsets.US_ASCII);
            int viaMemo = SyslogTimestamps.parseBsd(b, 0, b.length, received, reset(withMemo), memo);
            int direct = SyslogTimestamps.parseBsd(b, 0, b.length, received, reset(without), DateMemo.NONE);
            assertEquals(direct, viaMemo, line);
            assertEquals(without.timestampNanos(), withMemo.timestampNanos(), line + " received at " + received);
            if (random.nextInt(20) == 0) { // RFC 3339: runs of one second, now and then another, 'T' or ' '
                dateTime = String.format("%04d-%02d-%02d%c%02d:%02d:%02d", 1970 + random.nextInt(300),
                    1 + random.nextInt(13), 1 + random.nextInt(31), random.nextBoolean() ? 'T' : ' ',
                    random.nextInt(25), random.nextInt(60), random.nextInt(61));
            }
            String iso = dateTime + (random.nextBoolean() ? "." + random.nextInt(1_000_000) : "")
                + (random.nextBoolean() ? "Z" : "+05:30");
            boolean lenient = random.nextBoolean();
            byte[] rfc = iso.getBytes(StandardCharsets.US_ASCII);
            int memoEnd = SyslogTimestamps.parseRfc3339(rfc, 0, rfc.length, lenient, reset(withMemo), memo);
            int directEnd = SyslogTimestamps.parseRfc3339(rfc, 0, rfc.length, lenient, reset(without), DateMemo.NONE);
            assertEquals(directEnd, memoEnd, iso + (lenient ? " lenient" : " strict"));
            assertEquals(without.timestampNanos(), withMemo.timestampNanos(), iso);
            assertEquals(without.timestampOffsetSeconds(), withMemo.timestampOffsetSeconds(), iso);
        }
    }

    private static LogEvent reset(LogEvent e) {
        e.setTimestamp(LogEvent.NO_TIMESTAMP, LogEvent.NO_OFFSET);
        return e;
    }
}
