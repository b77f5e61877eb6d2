package io.sluice.storage;

import static io.sluice.storage.JournalEvents.appendAll;
import static io.sluice.storage.JournalEvents.assertSameEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.LogEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data dir written by a build before record version 2 keeps working after the upgrade: this build continues its
 * sequence, appends version 2 excerpts behind the version 1 ones in the same cycle file, and replays both. One a later
 * build wrote is refused with the version named, not misread.
 */
class JournalVersion1UpgradeTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldReplayVersion1ExcerptsAndContinueBehindThem() {
        List<LogEvent> old = JournalEvents.parsed(0, 300);
        writeVersion1Journal(old, 64);

        List<LogEvent> added = JournalEvents.parsed(300, 300);
        try (Journal journal = Journal.open(dataDir)) {
            assertEquals(299, journal.lastSequence(), "the version 1 excerpts' last sequence");
            appendAll(journal, added, 64);
        }

        List<LogEvent> all = new ArrayList<>(old);
        all.addAll(added);
        assertSameEvents(all, JournalEvents.replay(dataDir, ReplayQuery.all(JournalQueue.JOURNAL)));
        assertSameEvents(all.subList(250, 350),
            JournalEvents.replay(dataDir, ReplayQuery.all(JournalQueue.JOURNAL).withFromSequence(250).withLimit(100)));
    }

    @Test
    void shouldRefuseAJournalOfAnUnknownVersionNamingIt() {
        writeJournal(JournalEvents.parsed(0, 10), 10, 3); // as a later build might

        JournalFormatException onOpen = assertThrows(JournalFormatException.class, () -> Journal.open(dataDir));
        assertTrue(onOpen.getMessage().contains("batch version 3"), onOpen.getMessage());
        JournalFormatException onReplay = assertThrows(JournalFormatException.class,
            () -> JournalEvents.replay(dataDir, ReplayQuery.all(JournalQueue.JOURNAL)));
        assertTrue(onReplay.getMessage().contains("batch version 3"), onReplay.getMessage());
    }

    private void writeVersion1Journal(List<LogEvent> events, int perExcerpt) {
        writeJournal(events, perExcerpt, EventRecordCodec.FIRST_VERSION);
    }

    /**
     * Excerpts of {@code perExcerpt} events as version 1 wrote them: a header with {@code version} in its first byte,
     * then version 1 records.
     */
    private void writeJournal(List<LogEvent> events, int perExcerpt, int version) {
        try (SingleChronicleQueue queue = JournalQueue.JOURNAL.openForAppend(dataDir,
                JournalSettings.defaults().rollCycle(), SystemTimeProvider.INSTANCE, false);
             ExcerptAppender appender = queue.createAppender()) {
            for (int from = 0; from < events.size(); from += perExcerpt) {
                List<LogEvent> batch = events.subList(from, Math.min(events.size(), from + perExcerpt));
                try (DocumentContext dc = appender.writingDocument()) {
                    Bytes<?> bytes = dc.wire().bytes();
                    bytes.writeUnsignedByte(version);
                    bytes.writeInt(batch.size());
                    bytes.writeLong(batch.get(0).sequence());
                    bytes.writeLong(batch.get(batch.size() - 1).sequence());
                    bytes.writeLong(batch.stream().mapToLong(LogEvent::receivedAtNanos).min().orElseThrow());
                    bytes.writeLong(batch.stream().mapToLong(LogEvent::receivedAtNanos).max().orElseThrow());
                    batch.forEach(event -> EventRecordCodecVersion1Test.writeVersion1(event, bytes));
                }
            }
        }
        JournalQueue.DEAD_LETTER.openForAppend(dataDir, JournalSettings.defaults().rollCycle(),
            SystemTimeProvider.INSTANCE, false).close(); // a real data dir has both queues
    }
}
