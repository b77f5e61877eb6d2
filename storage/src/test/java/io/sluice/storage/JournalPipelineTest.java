package io.sluice.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.LogEvent;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.core.pipeline.EventRing;
import io.sluice.core.pipeline.PipelineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as a real pipeline stage: on its own consumer thread, driven by the Disruptor. */
class JournalPipelineTest {
    private static final int EVENTS = 5000;
    private static final int CLAIM = 37;

    @TempDir
    Path dataDir;

    @Test
    void shouldJournalEveryPublishedEventThroughARealPipeline() {
        List<LogEvent> events = JournalEvents.parsed(0, EVENTS);
        long base;
        try (Journal journal = Journal.open(dataDir)) {
            base = journal.lastSequence() + 1;
            EventPipeline pipeline = EventPipeline.builder(PipelineSettings.defaults().withRingSize(1024))
                .sequenceBase(base).stage("journal", journal.newHandler()).start();
            publish(pipeline.ring(), events);
            assertTrue(pipeline.drainAndStop(Duration.ofSeconds(30)), "pipeline drained");
            assertEquals(0, pipeline.handlerErrors());
            assertEquals(EVENTS, journal.metrics().eventsAppended());
            assertEquals(EVENTS - 1, journal.lastSequence());
        }
        try (JournalReader reader = JournalReader.open(dataDir)) {
            JournalEvents.assertSameEvents(events, JournalEvents.replay(reader, ReplayQuery.all(JournalQueue.JOURNAL)));
        }
    }

    /** Claims in small ranges, as a source does, copying each test event into its slot. */
    private static void publish(EventRing ring, List<LogEvent> events) {
        int next = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (next < events.size()) {
            int n = Math.min(CLAIM, events.size() - next);
            long hi = ring.tryClaim(n);
            if (hi < 0) {
                assertTrue(System.nanoTime() < deadline, "ring stayed full");
                Thread.onSpinWait(); // the journal thread frees slots
                continue;
            }
            for (long seq = hi - n + 1; seq <= hi; seq++) {
                LogEvent slot = ring.slot(seq);
                long journalSequence = slot.sequence();
                slot.copyFrom(events.get(next++));
                slot.setSequence(journalSequence);
            }
            ring.publish(hi - n + 1, hi);
        }
    }
}
