package io.sluice.analyzers.security.recognize;

import io.sluice.analyzers.TestLogEvents;
import io.sluice.analyzers.security.AttackKind;
import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.SyslogDecoder;
import java.nio.charset.StandardCharsets;

/** What the recognizer made of one line, copied out as values for assertions. Tests only. */
record Recognized(SecurityAction action, String ip, String user, int port, int status, AttackKind attack) {
    private static final SyslogDecoder DECODER = new SyslogDecoder();
    private static final LogSecurityRecognizer RECOGNIZER = new LogSecurityRecognizer();

    /** Decodes {@code line} as the syslog source would (RAW when it is not syslog) and recognizes it; null if not. */
    static Recognized line(String line) {
        LogEvent event = new LogEvent();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        event.setRaw(bytes, 0, bytes.length);
        DECODER.decode(event);
        return of(event);
    }

    /** An NDJSON-style event whose JSON attributes carry {@code json}. */
    static Recognized attributes(String message, String json) {
        return of(TestLogEvents.event().message(message).attributes(json).build());
    }

    static Recognized of(LogEvent event) {
        SecuritySignal signal = new SecuritySignal();
        if (!RECOGNIZER.recognize(event, signal)) {
            if (signal.action() != null || signal.sourceIpLength() != SecuritySignal.ABSENT) {
                throw new AssertionError("signal not cleared after a miss");
            }
            return null;
        }
        return new Recognized(signal.action(), signal.sourceIpString(event), signal.userString(event),
            signal.destinationPort(), signal.httpStatus(), signal.attack());
    }

    boolean isFailure() {
        SecuritySignal signal = new SecuritySignal().action(action);
        return LogSecurityRecognizer.isFailure(signal);
    }
}
