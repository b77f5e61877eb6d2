package io.sluice.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyLinesTest {
    @Test
    void shouldSplitOnLfAndDropCrBeforeIt() {
        assertEquals(List.of("1:a", "2:b", "3:c"), lines("a\r\nb\nc"));
    }

    @Test
    void shouldNotInventALineAfterTheFinalLf() {
        assertEquals(List.of("1:a", "2:b"), lines("a\nb\n"));
        assertEquals(List.of(), lines(""));
    }

    @Test
    void shouldCountBlankLinesSoNumbersMatchTheClientsEditor() {
        assertEquals(List.of("1:a", "2:", "3: \t", "4:b"), lines("a\n\r\n \t\nb"));
    }

    @Test
    void shouldKeepACrThatIsNotBeforeLf() {
        assertEquals(List.of("1:a\rb"), lines("a\rb"));
    }

    @Test
    void shouldTellBlankLinesApart() {
        byte[] body = "x\n \t\n\n".getBytes(StandardCharsets.US_ASCII);
        BodyLines lines = new BodyLines(body, body.length);
        assertTrue(lines.next());
        assertFalse(lines.isBlank());
        assertTrue(lines.next());
        assertTrue(lines.isBlank());
        assertTrue(lines.next());
        assertTrue(lines.isBlank());
        assertFalse(lines.next());
    }

    private static List<String> lines(String text) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        BodyLines lines = new BodyLines(body, body.length);
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            out.add(lines.number() + ":" + new String(body, lines.start(), lines.length(), StandardCharsets.US_ASCII));
        }
        return out;
    }
}
