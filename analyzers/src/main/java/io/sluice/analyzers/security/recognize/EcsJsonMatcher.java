package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;

import io.sluice.analyzers.scan.FieldVisitor;
import io.sluice.analyzers.scan.JsonFieldScanner;
import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;
import java.util.List;

/**
 * Elastic Common Schema security events in an event's JSON ATTRIBUTES (nested objects or dotted keys, via
 * {@link JsonFieldScanner}): an authentication event ({@code event.category} is or contains {@code authentication},
 * or {@code event.action} names a log-in/log-on/auth) with {@code event.outcome} {@code failure} or {@code success}
 * becomes AUTH_FAILURE / AUTH_SUCCESS, with {@code source.ip} (else {@code client.ip}, else {@code source.address})
 * and {@code user.name}. Without an outcome nothing is claimed.
 *
 * <p>Thread contract: keeps what the scan found in fields (it is its own {@link FieldVisitor}); one instance per
 * recognizer thread; allocation-free.
 */
final class EcsJsonMatcher implements FieldVisitor {
    private static final int ACTION = 0;
    private static final int CATEGORY = 1;
    private static final int OUTCOME = 2;
    private static final int SOURCE_IP = 3;
    private static final int CLIENT_IP = 4;
    private static final int SOURCE_ADDRESS = 5;
    private static final int USER_NAME = 6;
    private static final int FIELDS = 7;
    private static final byte[] FAILURE = AsciiBytes.of("failure");
    private static final byte[] SUCCESS = AsciiBytes.of("success");
    private static final byte[] AUTHENTICATION = AsciiBytes.of("authentication");
    private static final byte[] CATEGORY_KEY = AsciiBytes.of("category\"");
    private static final LiteralSet LOGIN_ACTIONS = new LiteralSet("login", "logon", "log-in", "log_in", "log-on",
        "logged-in", "logged_in", "signin", "sign-in", "sign_in", "auth");

    private final JsonFieldScanner scanner = new JsonFieldScanner(List.of("event.action", "event.category",
        "event.outcome", "source.ip", "client.ip", "source.address", "user.name"));
    private final int[] valueOffset = new int[FIELDS];
    private final int[] valueLength = new int[FIELDS];

    /** Recognizes the JSON object text {@code b[from, to)}. */
    boolean match(byte[] b, int from, int to, SecuritySignal out) {
        java.util.Arrays.fill(valueLength, -1);
        scanner.scan(b, from, to - from, this);
        int outcome = valueLength[OUTCOME];
        if (outcome < 0 || !isAuthentication(b, from, to)) {
            return false;
        }
        SecurityAction action;
        if (AsciiBytes.equals(b, valueOffset[OUTCOME], outcome, FAILURE)) {
            action = SecurityAction.AUTH_FAILURE;
        } else if (AsciiBytes.equals(b, valueOffset[OUTCOME], outcome, SUCCESS)) {
            action = SecurityAction.AUTH_SUCCESS;
        } else {
            return false;
        }
        int source = valueLength[SOURCE_IP] > 0 ? SOURCE_IP : valueLength[CLIENT_IP] > 0 ? CLIENT_IP : SOURCE_ADDRESS;
        if (valueLength[source] > 0) {
            out.sourceIp(valueOffset[source], valueLength[source]);
        }
        if (valueLength[USER_NAME] > 0) {
            out.user(valueOffset[USER_NAME], valueLength[USER_NAME]);
        }
        out.action(action);
        return true;
    }

    @Override
    public boolean onField(int nameIndex, byte[] bytes, int offset, int length) {
        if (valueLength[nameIndex] < 0) { // the first occurrence wins
            valueOffset[nameIndex] = offset;
            valueLength[nameIndex] = length;
        }
        return false;
    }

    private boolean isAuthentication(byte[] b, int from, int to) {
        int action = valueLength[ACTION];
        if (action > 0 && LOGIN_ACTIONS.containsAny(b, valueOffset[ACTION], valueOffset[ACTION] + action)) {
            return true;
        }
        int category = valueLength[CATEGORY];
        if (category > 0) {
            return AsciiBytes.equals(b, valueOffset[CATEGORY], category, AUTHENTICATION);
        }
        return categoryArrayHasAuthentication(b, from, to);
    }

    /** ECS writes {@code event.category} as an array, whose values the scanner does not name: look inside it. */
    private static boolean categoryArrayHasAuthentication(byte[] b, int from, int to) {
        int key = AsciiBytes.indexOf(b, from, to, CATEGORY_KEY);
        if (key == NOT_FOUND) {
            return false;
        }
        int p = key + CATEGORY_KEY.length;
        while (p < to && (b[p] == ' ' || b[p] == ':')) {
            p++;
        }
        if (p >= to || b[p] != '[') {
            return false;
        }
        int close = AsciiBytes.indexOfByte(b, p, to, ']');
        int quoted = AsciiBytes.indexOf(b, p, close == NOT_FOUND ? to : close, AUTHENTICATION);
        return quoted != NOT_FOUND && b[quoted - 1] == '"' && quoted + AUTHENTICATION.length < to
            && b[quoted + AUTHENTICATION.length] == '"';
    }
}
