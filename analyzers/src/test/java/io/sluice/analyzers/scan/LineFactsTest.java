package io.sluice.analyzers.scan;

import static io.sluice.analyzers.TestLogEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LineFactsTest {
    private static final String ACCESS = "10.0.0.1 - - [23/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" ";

    private final LineFacts facts = new LineFacts();

    @Test
    void shouldFindTheStatusOfTheMessageSpan() {
        LogEvent event = event().app("nginx").message(ACCESS + "503 12").build();
        assertEquals(503, facts.of(event, 1).accessLogStatus());
        assertEquals(event.spanOffset(Field.MESSAGE) + ACCESS.length(), facts.accessLogStatusIndex());
        assertEquals(AccessLogLine.NONE, facts.of(event().message("no request here").build(), 2).accessLogStatus());
        assertEquals(AccessLogLine.NONE, facts.of(event().app("x").build(), 3).accessLogStatusIndex(), "no message");
    }

    @Test
    void shouldScanOncePerSlotAndSequence() {
        LogEvent slot = event().message(ACCESS + "200 12").build();
        int status = facts.of(slot, 7).accessLogStatusIndex();
        breakProtocol(slot);
        assertEquals(status, facts.of(slot, 7).accessLogStatusIndex(), "not scanned again for the same event");
        assertEquals(AccessLogLine.NONE, facts.of(slot, 8).accessLogStatusIndex(), "scanned for the next one");
    }

    @Test
    void shouldNeverAnswerForAnEarlierEvent() {
        LogEvent slot = event().message(ACCESS + "200 12").build();
        assertEquals(200, facts.of(slot, 7).accessLogStatus());
        LogEvent next = event().message("plain text").build();
        slot.copyFrom(next); // the ring reuses the slot for a later sequence
        assertEquals(AccessLogLine.NONE, facts.of(slot, 7 + 1024).accessLogStatus(), "a new sequence forgets");
        LogEvent other = event().message(ACCESS + "404 0").build();
        assertEquals(404, facts.of(other, 7 + 1024).accessLogStatus(), "another slot forgets");
    }

    @Test
    void shouldForgetEverythingForAOneOffEvent() {
        LogEvent slot = event().message(ACCESS + "200 12").build();
        assertEquals(200, facts.fresh(slot).accessLogStatus());
        slot.copyFrom(event().message("plain text").build());
        assertEquals(AccessLogLine.NONE, facts.fresh(slot).accessLogStatus());
        slot.copyFrom(event().message(ACCESS + "302 0").build());
        assertEquals(302, facts.of(slot, 0).accessLogStatus(), "a one-off answer is never taken for a sequenced one");
    }

    @Test
    void shouldBeUsedByOneThreadOnly() {
        assumeTrue(LineFacts.class.desiredAssertionStatus(), "ownership is checked with assertions");
        LogEvent event = event().message(ACCESS + "200 12").build();
        facts.of(event, 1).accessLogStatus();
        assertThrows(AssertionError.class, () -> runOnOtherThread(() -> facts.of(event, 2)));
        assertThrows(AssertionError.class, () -> runOnOtherThread(() -> facts.fresh(event)), "one-off use too");
        assertEquals(200, facts.of(event, 1).accessLogStatus(), "its owner still uses it");
    }

    private static void runOnOtherThread(Runnable task) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** "HTTP/1.1" -> "XTTP/1.1": no longer an access-log request. */
    private static void breakProtocol(LogEvent event) {
        event.raw()[event.spanOffset(Field.MESSAGE) + ACCESS.indexOf("HTTP/")] = 'X';
    }
}
