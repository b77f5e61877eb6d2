package io.sluice.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredDataTest {
    @Test
    void shouldDecodeElementsAndParamsInTheOrderSent() {
        Map<String, Map<String, String>> sd = parse("[origin x-service=\"svc\"][meta sequenceId=\"1\" b=\"2\"]");
        assertEquals(List.of("origin", "meta"), List.copyOf(sd.keySet()));
        assertEquals(Map.of("x-service", "svc"), sd.get("origin"));
        assertEquals(List.of("sequenceId", "b"), List.copyOf(sd.get("meta").keySet()));
    }

    @Test
    void shouldUnescapeQuoteBackslashAndBracket() {
        assertEquals("a\"b\\c]d", parse("[x v=\"a\\\"b\\\\c\\]d\"]").get("x").get("v"));
    }

    @Test
    void shouldKeepBackslashBeforeOtherCharacters() {
        assertEquals("C:\\temp\\n", parse("[x v=\"C:\\temp\\n\"]").get("x").get("v"));
    }

    @Test
    void shouldDecodeElementWithoutParamsAndEmptyValues() {
        Map<String, Map<String, String>> sd = parse("[sdid][id pk=\"\"]");
        assertEquals(Map.of(), sd.get("sdid"));
        assertEquals(Map.of("pk", ""), sd.get("id"));
    }

    @Test
    void shouldDecodeUtf8Values() {
        assertEquals("κόσμε", parse("[meta gr=\"κόσμε\"]").get("meta").get("gr"));
    }

    @Test
    void shouldReturnEmptyMapForNilOrNothing() {
        assertTrue(parse("-").isEmpty());
        assertTrue(StructuredData.parse(new byte[0], 0, 0).isEmpty());
    }

    @Test
    void shouldReturnElementsBeforeMalformedPart() {
        Map<String, Map<String, String>> sd = parse("[a x=\"1\"][b y=\"]\"]");
        assertEquals(Map.of("x", "1"), sd.get("a"));
    }

    @Test
    void shouldReadSpanInsideLargerArray() {
        byte[] raw = "<1>1 - - - - - [a x=\"1\"] msg".getBytes(StandardCharsets.UTF_8);
        assertEquals(Map.of("a", Map.of("x", "1")), StructuredData.parse(raw, 15, 9));
    }

    private static Map<String, Map<String, String>> parse(String sd) {
        byte[] b = sd.getBytes(StandardCharsets.UTF_8);
        return StructuredData.parse(b, 0, b.length);
    }
}
