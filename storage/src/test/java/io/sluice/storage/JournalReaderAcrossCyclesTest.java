package io.sluice.storage;

import static io.sluice.storage.JournalEvents.assertSameEvents;
import static io.sluice.storage.JournalEvents.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.core.LogEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four daily cycle files, written with a fake clock that agrees with the events' receive stamps. */
class JournalReaderAcrossCyclesTest {
    private static final int DAYS = 4;
    private static final int PER_DAY = 100;
    private static final long DAY_NANOS = TimeUnit.DAYS.toNanos(1);
    private static final long FIRST_NOON_NANOS = TimeUnit.MILLISECONDS.toNanos(
        Instant.parse("2023-11-14T12:00:00Z").toEpochMilli());

    @TempDir
    Path dataDir;

    private final List<LogEvent> events = new ArrayList<>();

    @BeforeEach
    void appendOneBatchPerDay() {
        SetTimeProvider clock = new SetTimeProvider(FIRST_NOON_NANOS);
        try (Journal journal = Journal.open(dataDir, JournalSettings.defaults(), clock)) {
            JournalHandler handler = journal.newHandler();
            handler.onStart();
            for (int day = 0; day < DAYS; day++) {
                clock.currentTimeNanos(FIRST_NOON_NANOS + day * DAY_NANOS);
                List<LogEvent> batch = JournalEvents.parsed((long) day * PER_DAY, PER_DAY);
                for (int i = 0; i < PER_DAY; i++) {
                    batch.get(i).setReceivedAtNanos(receivedAt(day * PER_DAY + i));
                }
                JournalEvents.append(handler, batch, 32);
                events.addAll(batch);
            }
            handler.onShutdown();
        }
    }

    private static long receivedAt(int sequence) {
        return FIRST_NOON_NANOS + (sequence / PER_DAY) * DAY_NANOS + (sequence % PER_DAY) * 1_000_000L;
    }

    private List<LogEvent> replayJournal(ReplayQuery query) {
        return replay(dataDir, query);
    }

    @Test
    void shouldWriteOneCycleFilePerDay() throws Exception {
        try (Stream<Path> files = Files.list(JournalQueue.JOURNAL.dir(dataDir))) {
            assertEquals(DAYS, files.filter(f -> f.toString().endsWith(".cq4")).count());
        }
    }

    @Test
    void shouldReplayEveryCycleInOrder() {
        assertSameEvents(events, replayJournal(ReplayQuery.all(JournalQueue.JOURNAL)));
    }

    @Test
    void shouldStartInTheCycleOfTheFromTime() {
        ReplayQuery query = ReplayQuery.all(JournalQueue.JOURNAL).between(receivedAt(250), Long.MAX_VALUE);

        assertSameEvents(events.subList(250, DAYS * PER_DAY), replayJournal(query));
    }

    @Test
    void shouldReplayAWindowSpanningCycles() {
        ReplayQuery query = ReplayQuery.all(JournalQueue.JOURNAL).between(receivedAt(150), receivedAt(320));

        assertSameEvents(events.subList(150, 320), replayJournal(query));
    }

    @Test
    void shouldStartInTheCycleOfTheFromSequence() {
        assertSameEvents(events.subList(250, DAYS * PER_DAY),
            replayJournal(ReplayQuery.all(JournalQueue.JOURNAL).withFromSequence(250)));
        assertSameEvents(events.subList(300, DAYS * PER_DAY),
            replayJournal(ReplayQuery.all(JournalQueue.JOURNAL).withFromSequence(300)));
    }

    @Test
    void shouldFindTheLastSequenceInTheLastCycle() {
        try (Journal reopened = Journal.open(dataDir)) {
            assertEquals(DAYS * PER_DAY - 1, reopened.lastSequence());
        }
    }
}
