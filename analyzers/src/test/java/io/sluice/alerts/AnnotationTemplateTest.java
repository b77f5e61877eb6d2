package io.sluice.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationTemplateTest {
    private static final Map<String, String> LABELS = Map.of("service", "checkout", "alertname", "HighErrorRate");

    @Test
    void shouldFillValueThresholdAndLabels() {
        AnnotationTemplate t = AnnotationTemplate.parse("R", "summary",
            "{{ $labels.service }} at {{$value}} > {{ $threshold }} ({{ $labels.missing }}){{ $labels.alertname }}");
        assertEquals("checkout at 0.05321 > 0.01 ()HighErrorRate", t.render(0.053214, 0.01, LABELS));
    }

    @Test
    void shouldFormatValuesForPeople() {
        assertEquals("512", AnnotationTemplate.format(512.0));
        assertEquals("512.3", AnnotationTemplate.format(512.3456));
        assertEquals("0.001235", AnnotationTemplate.format(0.0012345));
        assertEquals("NaN", AnnotationTemplate.format(Double.NaN));
        assertEquals("plain text", AnnotationTemplate.parse("R", "k", "plain text").render(1, 2, LABELS));
    }

    @Test
    void shouldRejectUnknownAndUnclosedPlaceholders() {
        InvalidRuleException unknown = assertThrows(InvalidRuleException.class,
            () -> AnnotationTemplate.parse("R", "summary", "{{ $valeu }}"));
        assertTrue(unknown.getMessage().startsWith("rule 'R': annotation 'summary': unknown placeholder '{{ $valeu }}'"),
            unknown.getMessage());
        InvalidRuleException unclosed = assertThrows(InvalidRuleException.class,
            () -> AnnotationTemplate.parse("R", "description", "at {{ $value"));
        assertTrue(unclosed.getMessage().contains("'{{' at 4 is never closed"), unclosed.getMessage());
    }

    @Test
    void shouldFingerprintLabelsStablyWhateverTheirOrder() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("alertname", "HighErrorRate");
        a.put("service", "checkout");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("service", "checkout");
        b.put("alertname", "HighErrorRate");
        assertEquals(Fingerprint.of(a), Fingerprint.of(b));
        assertEquals(16, Fingerprint.of(a).length());
        assertNotEquals(Fingerprint.of(Map.of("a", "bc")), Fingerprint.of(Map.of("ab", "c")));
        assertNotEquals(Fingerprint.of(a), Fingerprint.of(Map.of("alertname", "HighErrorRate", "service", "cart")));
        assertEquals("cbf29ce484222325", Fingerprint.of(Map.of()));  // FNV-1a 64 offset: the hash is FNV, not JVM-bound
    }
}
