package io.sluice.analyzers.window;

import static io.sluice.analyzers.TestLogEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DimensionKeysTest {
    private final DimensionKeys keys = new DimensionKeys(2);

    @Test
    void shouldResolveEachDimensionsKeyAsEventKeysDoes() {
        LogEvent event = event().app("checkout").host("web01").transport(Transport.UDP).message("m").build();
        int service = keys.idOf(Dimension.SERVICE, event, 1);
        int host = keys.idOf(Dimension.HOST, event, 1);
        int transport = keys.idOf(Dimension.TRANSPORT, event, 1);
        assertEquals("checkout", keys.index(Dimension.SERVICE).name(service));
        assertEquals("web01", keys.index(Dimension.HOST).name(host));
        assertEquals("udp", keys.index(Dimension.TRANSPORT).name(transport));
        assertEquals(EventKeys.NONE, keys.index(Dimension.SERVICE).name(
            keys.idOf(Dimension.SERVICE, event().message("m").build(), 2)));
    }

    @Test
    void shouldResolveOncePerSlotAndSequence() {
        LogEvent slot = event().app("a").message("m").build();
        int a = keys.idOf(Dimension.SERVICE, slot, 5);
        slot.copyFrom(event().app("b").message("m").build());
        assertEquals(a, keys.idOf(Dimension.SERVICE, slot, 5), "kept for the same event");
        int b = keys.idOf(Dimension.SERVICE, slot, 6);
        assertNotEquals(a, b, "a new sequence resolves again");
        assertEquals("b", keys.index(Dimension.SERVICE).name(b));
        assertEquals(a, keys.idOf(Dimension.SERVICE, event().app("a").message("m").build(), 6), "another slot too");
    }

    @Test
    void shouldCapKeysAsTheIndexDoes() {
        keys.idOf(Dimension.SERVICE, event().app("a").message("m").build(), 1);
        keys.idOf(Dimension.SERVICE, event().app("b").message("m").build(), 2);
        int third = keys.idOf(Dimension.SERVICE, event().app("c").message("m").build(), 3);
        assertEquals(keys.index(Dimension.SERVICE).overflowId(), third);
        assertTrue(keys.index(Dimension.SERVICE).overflowed());
    }

    @Test
    void shouldBeWrittenByOneThreadOnly() throws InterruptedException {
        assumeTrue(DimensionKeys.class.desiredAssertionStatus(), "the writer is checked with assertions");
        keys.idOf(Dimension.HOST, event().host("h").message("m").build(), 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                keys.idOf(Dimension.HOST, event().host("h").message("m").build(), 2);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        other.start();
        other.join();
        assertTrue(failure.get() instanceof AssertionError, "a second writer thread is refused: " + failure.get());
    }
}
