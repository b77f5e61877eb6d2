package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.security.AttackKind;
import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecurityRecognizer;
import io.sluice.analyzers.security.SecuritySignal;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import java.nio.charset.StandardCharsets;

/**
 * A tiny {@link SecurityRecognizer} for the detector tests: the message states the signal outright, as
 * {@code ACTION key=value ...} with keys ip, user, port, status and attack, e.g.
 * {@code AUTH_FAILURE ip=203.0.113.5 user=root}. Spans point into the event's raw bytes, as the contract asks.
 * Allocates (tests only).
 */
final class LineRecognizer implements SecurityRecognizer {
    @Override
    public boolean recognize(LogEvent event, SecuritySignal out) {
        out.clear();
        if (!event.has(Field.MESSAGE)) {
            return false;
        }
        int offset = event.spanOffset(Field.MESSAGE);
        // ISO-8859-1 maps bytes 1:1 to chars, so string indexes are byte offsets.
        String message = new String(event.raw(), offset, event.spanLength(Field.MESSAGE), StandardCharsets.ISO_8859_1);
        String[] tokens = message.split(" ");
        SecurityAction action;
        try {
            action = SecurityAction.valueOf(tokens[0]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        out.action(action);
        int at = offset + tokens[0].length() + 1;
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            int eq = token.indexOf('=');
            if (eq > 0) {
                apply(token.substring(0, eq), token.substring(eq + 1), at + eq + 1, out);
            }
            at += token.length() + 1;
        }
        return true;
    }

    private static void apply(String key, String value, int valueOffset, SecuritySignal out) {
        switch (key) {
            case "ip" -> out.sourceIp(valueOffset, value.length());
            case "user" -> out.user(valueOffset, value.length());
            case "port" -> out.destinationPort(Integer.parseInt(value));
            case "status" -> out.httpStatus(Integer.parseInt(value));
            case "attack" -> out.attack(AttackKind.valueOf(value));
            default -> throw new IllegalArgumentException("unknown key " + key);
        }
    }
}
