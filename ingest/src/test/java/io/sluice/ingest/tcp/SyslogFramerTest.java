package io.sluice.ingest.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogFramerTest {
    private final SyslogFramer framer = new SyslogFramer(32);
    private final FrameBatch batch = new FrameBatch(4);

    @Test
    void shouldSplitLfFramesAndDropCrAndBlankLines() {
        ByteBuf buf = bytes("<13>one\r\n\n<13>two\n\n<13>thr");
        assertEquals(List.of("<13>one", "<13>two"), drain(buf));
        assertEquals(SyslogFramer.MODE_LF, framer.mode());
        assertEquals("<13>thr", buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadOctetCountedFramesAndStripTrailingNewline() {
        ByteBuf buf = bytes("5 hello6 world\n3 ab");
        assertEquals(List.of("hello", "world"), drain(buf));
        assertEquals(SyslogFramer.MODE_OCTET, framer.mode());
        assertEquals("3 ab", buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldCutOversizedLfFrameAndDiscardItsTailThenContinue() {
        String longLine = "x".repeat(100);
        ByteBuf buf = bytes(longLine + "\n<13>next\n");
        framer.scan(buf, batch);
        assertEquals(100, batch.originalLength(0));
        assertEquals(List.of("x".repeat(32), "<13>next"), drain(buf));
    }

    @Test
    void shouldCutOversizedLineWithoutNewlineAcrossReads() {
        ByteBuf first = bytes("y".repeat(40));
        assertEquals(List.of("y".repeat(32)), drain(first));
        ByteBuf second = bytes("yyyy\n<13>after\n");
        assertEquals(List.of("<13>after"), drain(second));
    }

    @Test
    void shouldCutOversizedOctetFrameAndSkipDeclaredRest() {
        String body = "z".repeat(50);
        ByteBuf buf = bytes("50 " + body + "5 small");
        List<String> frames = drain(buf);
        assertEquals(List.of("z".repeat(32), "small"), frames);
    }

    @Test
    void shouldFallBackToLfFramingOnBadOctetHeader() {
        ByteBuf buf = bytes("12abc not a count\n<13>fine\n");
        assertEquals(List.of("12abc not a count", "<13>fine"), drain(buf));
        assertEquals(1, framer.framingErrors());
        assertEquals(SyslogFramer.MODE_LF, framer.mode());
    }

    @Test
    void shouldCommitOnlyThePublishedPartOfABatch() {
        ByteBuf buf = bytes("a\nb\nc\n");
        framer.scan(buf, batch);
        assertEquals(3, batch.count());
        framer.commit(buf, batch, 1);
        assertEquals(List.of("b", "c"), drain(buf));
    }

    @Test
    void shouldAskForExactlyTheBytesThatCompleteACarriedFrame() {
        ByteBuf carried = bytes("<13>par");
        framer.scan(carried, batch); // detects LF mode, finds nothing complete
        ByteBuf next = bytes("tial\n<13>more\n");
        assertEquals(5, framer.bytesToComplete(carried, next));

        SyslogFramer octet = new SyslogFramer(32);
        ByteBuf carriedOctet = bytes("10 abc");
        octet.scan(carriedOctet, batch);
        assertEquals(7, octet.bytesToComplete(carriedOctet, bytes("defghij5 hello")));
    }

    private List<String> drain(ByteBuf buf) {
        List<String> frames = new ArrayList<>();
        while (true) {
            framer.scan(buf, batch);
            if (batch.count() == 0) {
                return frames;
            }
            for (int i = 0; i < batch.count(); i++) {
                frames.add(buf.toString(batch.start(i), batch.length(i), StandardCharsets.UTF_8));
            }
            framer.commit(buf, batch, batch.count());
        }
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}
