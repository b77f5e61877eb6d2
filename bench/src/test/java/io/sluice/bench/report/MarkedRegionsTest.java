package io.sluice.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkedRegionsTest {
    private static final String DOC = """
        # Title
        Hand-written intro.
        <!-- bench:micro -->
        old table
        <!-- /bench:micro -->
        Narrative between.
        <!-- bench:compare -->
        <!-- /bench:compare -->
        Tail kept.
        """;

    @Test
    void shouldReplaceOnlyTheTextBetweenTheMarkers() {
        String result = MarkedRegions.replace(DOC, "micro", "| new | table |\n");

        assertEquals(DOC.replace("old table", "| new | table |"), result);
    }

    @Test
    void shouldKeepHandWrittenTextWhenReplacingEveryRegion() {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("micro", "A");
        regions.put("compare", "B");

        String result = MarkedRegions.replaceAll(DOC, regions);

        assertEquals("""
            # Title
            Hand-written intro.
            <!-- bench:micro -->
            A
            <!-- /bench:micro -->
            Narrative between.
            <!-- bench:compare -->
            B
            <!-- /bench:compare -->
            Tail kept.
            """, result);
    }

    @Test
    void shouldBeIdempotent() {
        String once = MarkedRegions.replace(DOC, "compare", "same");

        assertEquals(once, MarkedRegions.replace(once, "compare", "same"));
    }

    @Test
    void shouldAppendARegionWhoseMarkersAreMissing() {
        String result = MarkedRegions.replace("# Doc\n", "sizing", "figures");

        assertEquals("# Doc\n\n<!-- bench:sizing -->\nfigures\n<!-- /bench:sizing -->\n", result);
    }

    @Test
    void shouldRejectUnbalancedMarkers() {
        String broken = "<!-- /bench:e2e -->\ntext\n<!-- bench:e2e -->\n";

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> MarkedRegions.replace(broken, "e2e", "x"));
        assertTrue(error.getMessage().contains("e2e"));
        assertThrows(IllegalArgumentException.class, () -> MarkedRegions.replace("<!-- bench:e2e -->\n", "e2e", "x"));
    }

    @Test
    void shouldNotConfuseRegionsWhoseNamesShareAPrefix() {
        String doc = "<!-- bench:e2e -->\n<!-- /bench:e2e -->\n<!-- bench:e2e-extra -->\nkeep\n<!-- /bench:e2e-extra -->\n";

        assertEquals(doc.replace("e2e -->\n<!-- /bench:e2e -->", "e2e -->\nnew\n<!-- /bench:e2e -->"),
            MarkedRegions.replace(doc, "e2e", "new"));
    }
}
