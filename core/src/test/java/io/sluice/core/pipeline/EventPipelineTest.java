package io.sluice.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventHandler;
import io.sluice.core.LogEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPipelineTest {
    /** Records the journal sequences it saw; single consumer thread, read after the pipeline stopped. */
    private static final class Recorder implements EventHandler<LogEvent> {
        final List<Long> sequences = new ArrayList<>();
        int shutdowns;

        @Override
        public void onEvent(LogEvent event, long sequence, boolean endOfBatch) {
            sequences.add(event.sequence());
        }

        @Override
        public void onShutdown() {
            shutdowns++;
        }
    }

    @Test
    void shouldDeliverEveryEventToEveryStageWithSequencesAfterTheBase() {
        Recorder journal = new Recorder();
        Recorder analyzer = new Recorder();
        EventPipeline pipeline = EventPipeline.builder(PipelineSettings.defaults().withRingSize(64))
            .sequenceBase(1_000).stage("journal", journal).stage("analyzer", analyzer).start();
        EventRing ring = pipeline.ring();
        int published = 0;
        while (published < 10_000) {
            long hi = ring.tryClaim(8);
            if (hi < 0) {
                Thread.onSpinWait(); // a test producer may wait; a source pauses its socket instead
                continue;
            }
            for (long s = hi - 7; s <= hi; s++) {
                ring.slot(s).setRaw(new byte[] {'x'}, 0, 1);
            }
            ring.publish(hi - 7, hi);
            published += 8;
        }
        assertTrue(pipeline.drainAndStop(Duration.ofSeconds(10)));

        List<Long> expected = new ArrayList<>();
        for (long s = 1_000; s < 11_000; s++) {
            expected.add(s);
        }
        assertEquals(expected, journal.sequences);
        assertEquals(expected, analyzer.sequences);
        assertEquals(1, journal.shutdowns);
    }

    @Test
    void shouldRefuseAClaimWhenTheRingIsFull() {
        Recorder stuck = new Recorder();
        EventPipeline pipeline = EventPipeline.builder(PipelineSettings.defaults().withRingSize(4))
            .stage("journal", stuck).start();
        EventRing ring = pipeline.ring();
        long hi = ring.tryClaim(4); // claimed but not published: the consumer cannot pass them
        assertEquals(3, hi);
        assertEquals(-1, ring.tryClaim(1));
        ring.publish(0, hi);
        pipeline.drainAndStop(Duration.ofSeconds(10));
        assertEquals(4, stuck.sequences.size());
    }

    @Test
    void shouldRejectARingSizeThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> PipelineSettings.defaults().withRingSize(1000));
    }
}
