package io.sluice.analyzers.errors;

import static io.sluice.analyzers.TestLogEvents.event;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorClassifierTest {
    private static final String ACCESS = "203.0.113.7 - - [23/Nov/2026:10:00:00 +0000] \"GET /api/items?id=42 HTTP/1.1\" ";
    private final ErrorClassifier classifier = new ErrorClassifier(ErrorSettings.defaults());

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void shouldCountErrOrWorseSeverityAsError(int severity) {
        assertTrue(classifier.isError(event().severity(severity).message("anything").build()));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 7, Severity.UNKNOWN})
    void shouldNotCountWarningOrMilderOrUnknownSeverity(int severity) {
        assertFalse(classifier.isError(event().severity(severity).message("all fine").build()));
    }

    @Test
    void shouldCountAccessLogFiveHundredsButNotFourHundreds() {
        assertTrue(isError(ACCESS + "503 1234 \"-\" \"curl/8.0\""));
        assertTrue(isError(ACCESS + "500 0"));
        assertFalse(isError(ACCESS + "404 1234 \"-\" \"curl/8.0\""));
        assertFalse(isError(ACCESS + "200 500 \"-\" \"agent 500\""));
        assertTrue(isError("GET /x HTTP/1.0\" 502 12"), "common log format tail");
        assertTrue(isError("GET /api/v1/items HTTP/1.1 504 1532 0.004"), "nginx line without quotes");
        assertTrue(isError(ACCESS + "599"), "status at the end of the line");
    }

    @Test
    void shouldNotCountAFiveHundredThatIsNotAStatus() {
        assertFalse(isError("processed 500 items in 503 ms"));
        assertFalse(isError("GET /errors/500 HTTP/1.1\" 200 512"));
        assertFalse(isError("HTTP/1.1 5000 nonsense"));
        assertFalse(isError("see RFC HTTP/2 semantics, code 500"));
        assertFalse(isError("HTTP/1.1\" 50 short"));
    }

    @Test
    void shouldReadJsonStatusFieldsTopLevelNestedAndDotted() {
        assertTrue(isJsonError("{\"status\":503}"));
        assertTrue(isJsonError("{\"user\":\"bob\",\"http\":{\"status\":502}}"));
        assertTrue(isJsonError("{\"http.status\":500}"));
        assertTrue(isJsonError("{\"attributes\":{\"http.response.status_code\":504,\"url.path\":\"/x\"}}"));
        assertTrue(isJsonError("{\"http\":{\"response\":{\"status_code\":500}}}"));
        assertTrue(isJsonError("{\"status\":\"503\"}"), "a quoted number");
        assertTrue(isJsonError("{\"status\":200,\"upstream\":{\"status\":502}}"), "a later 5xx after a 2xx");
    }

    @Test
    void shouldNotCountJsonSuccessesOrNonStatusNumbers() {
        assertFalse(isJsonError("{\"status\":200}"));
        assertFalse(isJsonError("{\"http\":{\"status\":404}}"));
        assertFalse(isJsonError("{\"status\":\"error\"}"));
        assertFalse(isJsonError("{\"status\":5000}"));
        assertFalse(isJsonError("{\"bytes\":500,\"count\":503,\"mystatus\":500}"));
        assertFalse(isJsonError("{\"statuses\":[500,503]}"));
        assertFalse(isJsonError("{\"note\":\"status 500 seen\"}"));
        assertFalse(isJsonError("{\"status\":5"), "cut JSON");
    }

    @Test
    void shouldHonourConfiguredThresholdsAndFields() {
        ErrorClassifier strict = new ErrorClassifier(new ErrorSettings(4, 400, java.util.List.of("code")));
        assertTrue(strict.isError(event().severity(4).message("warning").build()));
        assertTrue(strict.isError(event().message(ACCESS + "404 12").build()));
        assertTrue(strict.isError(event().message("x").attributes("{\"code\":429}").build()));
        assertFalse(strict.isError(event().message("x").attributes("{\"status\":503}").build()));
    }

    private boolean isError(String message) {
        return classifier.isError(event().message(message).build());
    }

    private boolean isJsonError(String attributes) {
        return classifier.isError(event().message("request done").attributes(attributes).build());
    }
}
