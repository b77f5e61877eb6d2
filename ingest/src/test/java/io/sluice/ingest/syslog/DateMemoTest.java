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
            String iso = "2026-" + String.format("%02d-%02dT10:00:00Z", 1 + random.nextInt(12), 1 + random.nextInt(28));
            byte[] rfc = iso.getBytes(StandardCharsets.US_ASCII);
            SyslogTimestamps.parseRfc3339(rfc, 0, rfc.length, false, reset(withMemo), memo);
            SyslogTimestamps.parseRfc3339(rfc, 0, rfc.length, false, reset(without), DateMemo.NONE);
            assertEquals(without.timestampNanos(), withMemo.timestampNanos(), iso);
        }
    }

    private static LogEvent reset(LogEvent e) {
        e.setTimestamp(LogEvent.NO_TIMESTAMP, LogEvent.NO_OFFSET);
        return e;
    }
}
