package io.sluice.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lmax.disruptor.EventHandler;
import io.sluice.core.LogEvent;
import io.sluice.core.TestEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusedHandlerTest {
    private final List<String> calls = new ArrayList<>();

    private EventHandler<LogEvent> recorder(String name) {
        return new EventHandler<>() {
            @Override
            public void onEvent(LogEvent event, long sequence, boolean endOfBatch) {
                calls.add(name + ":event:" + sequence + ":" + endOfBatch);
            }

            @Override
            public void onStart() {
                calls.add(name + ":start");
            }

            @Override
            public void onShutdown() {
                calls.add(name + ":shutdown");
            }

            @Override
            public void onBatchStart(long batchSize, long queueDepth) {
                calls.add(name + ":batch:" + batchSize);
            }

            @Override
            public void onTimeout(long sequence) {
                calls.add(name + ":timeout");
            }
        };
    }

    @Test
    void shouldForwardEveryCallbackToEveryHandlerInOrder() throws Exception {
        FusedHandler fused = new FusedHandler(List.of(recorder("a"), recorder("b")));
        fused.onStart();
        fused.onBatchStart(2, 2);
        LogEvent event = TestEvents.raw("x");
        fused.onEvent(event, 0, false);
        fused.onEvent(event, 1, true);
        fused.onTimeout(1);
        fused.onShutdown();
        assertEquals(List.of("a:start", "b:start", "a:batch:2", "b:batch:2", "a:event:0:false", "b:event:0:false",
            "a:event:1:true", "b:event:1:true", "a:timeout", "b:timeout", "a:shutdown", "b:shutdown"), calls);
    }

    @Test
    void shouldCallEveryHandlerInOrderPastTheUnrolledSites() throws Exception {
        List<EventHandler<LogEvent>> handlers = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            handlers.add(recorder("h" + i));
            expected.add("h" + i + ":event:7:true");
        }
        new FusedHandler(handlers).onEvent(TestEvents.raw("x"), 7, true);
        assertEquals(expected, calls);
        calls.clear();
        new FusedHandler(List.of(recorder("only"))).onEvent(TestEvents.raw("x"), 8, false);
        assertEquals(List.of("only:event:8:false"), calls);
    }
}
