package io.sluice.analyzers.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldScannerTest {
    private final JsonFieldScanner scanner = new JsonFieldScanner(List.of("status", "http.route", "a.b.c"));

    @Test
    void shouldMatchNamesOnTheDottedTailOfTheKeyPath() {
        assertEquals(List.of("0=1", "0=2", "0=3", "0=4"),
            found("{\"status\":1,\"http\":{\"status\":2},\"http.status\":3,\"x\":{\"y.status\":4}}"));
        assertEquals(List.of("1=/a", "1=/b"), found("{\"http\":{\"route\":\"/a\"},\"http.route\":\"/b\"}"));
        assertEquals(List.of("2=1", "2=2", "2=3"), found("{\"a\":{\"b\":{\"c\":1}},\"a.b\":{\"c\":2},\"a\":{\"b.c\":3}}"));
    }

    @Test
    void shouldNotMatchPartialKeysArraysOrKeysThemselves() {
        assertEquals(List.of(), found("{\"mystatus\":1,\"status_code\":2,\"route\":\"/x\",\"b\":{\"c\":1}}"));
        assertEquals(List.of(), found("{\"status\":[500,503],\"list\":[\"status\"]}"));
        assertEquals(List.of("0=7"), found("{\"items\":[{\"status\":7}],\"other\":{\"status\":true}}"));
    }

    @Test
    void shouldSkipEscapedQuotesAndSurviveMalformedText() {
        assertEquals(List.of("0=5"), found("{\"msg\":\"say \\\"status\\\":9\",\"status\":5}"));
        assertEquals(List.of(), found("{\"status"));
        assertEquals(List.of(), found("not json at all"));
        assertEquals(List.of("0=1"), found("{\"status\":1"));
    }

    @Test
    void shouldStopWhenTheVisitorSaysSo() {
        List<String> seen = new ArrayList<>();
        byte[] json = "{\"status\":1,\"status\":2}".getBytes(StandardCharsets.UTF_8);
        scanner.scan(json, 0, json.length, (n, b, off, len) -> seen.add(new String(b, off, len)));
        assertEquals(List.of("1"), seen);
    }

    @Test
    void shouldIgnoreKeysNestedDeeperThanItTracks() {
        String deep = "{\"a\":".repeat(20) + "{\"status\":1}" + "}".repeat(20);
        assertEquals(List.of(), found("{\"x\":" + deep + "}"));
        assertEquals(List.of("0=2"), found("{\"x\":" + deep + ",\"status\":2}"));
    }

    private List<String> found(String json) {
        List<String> seen = new ArrayList<>();
        byte[] bytes = (" " + json + " ").getBytes(StandardCharsets.UTF_8);
        scanner.scan(bytes, 1, bytes.length - 2, (n, b, off, len) -> {
            seen.add(n + "=" + new String(b, off, len, StandardCharsets.UTF_8));
            return false;
        });
        return seen;
    }
}
