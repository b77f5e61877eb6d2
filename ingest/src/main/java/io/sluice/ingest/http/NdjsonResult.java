package io.sluice.ingest.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.core.LogEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link NdjsonProtocol} made of one body: the events of the good lines, and the rejected lines with their
 * reasons. The answer is {@code 200 application/json}
 * {@code {"accepted":N,"rejected":M,"errors":[{"line":K,"reason":"..."}]}}; only the first
 * {@link #MAX_REPORTED_ERRORS} errors are listed, and {@code "errorsOmitted":X} then says how many were left out
 * (a client that sent a million bad lines gets a short answer, and still learns the count).
 *
 * <p>Thread contract: filled by {@code decode} on the request's event loop, then only read; {@link #respond} runs on
 * that same loop.
 */
public final class NdjsonResult implements DecodedBody {
    /** Errors listed in the answer; the rest are only counted. */
    public static final int MAX_REPORTED_ERRORS = 100;

    private final List<LogEvent> events = new ArrayList<>();
    private final List<LineError> errors = new ArrayList<>();
    private int rejected;

    /** A rejected line: its 1-based number in the body and why. */
    public record LineError(int line, String reason) {
    }

    void accept(LogEvent event) {
        events.add(event);
    }

    void reject(int line, String reason) {
        rejected++;
        if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(new LineError(line, reason));
        }
    }

    @Override
    public List<LogEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** Lines rejected, listed or not. */
    @Override
    public int rejected() {
        return rejected;
    }

    /** The listed errors, in body order (at most {@link #MAX_REPORTED_ERRORS}). */
    public List<LineError> errors() {
        return Collections.unmodifiableList(errors);
    }

    @Override
    public void respond(HttpServerResponse response) {
        response.setStatusCode(200)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(responseBody());
    }

    /** The JSON answer {@link #respond} sends. */
    public Buffer responseBody() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + errors.size() * 64);
        try (JsonGenerator json = JsonRecordMapper.JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("accepted", events.size());
            json.writeNumberField("rejected", rejected);
            json.writeArrayFieldStart("errors");
            for (LineError error : errors) {
                json.writeStartObject();
                json.writeNumberField("line", error.line());
                json.writeStringField("reason", error.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (rejected > errors.size()) {
                json.writeNumberField("errorsOmitted", rejected - errors.size());
            }
            json.writeEndObject();
        } catch (IOException e) { // a ByteArrayOutputStream does not fail
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }
}
