package io.sluice.analyzers.security;

import io.sluice.core.LogEvent;
import java.nio.charset.StandardCharsets;

/**
 * What the recognizer found in one event: a flyweight, reused for every event, holding primitives and spans
 * (offset, length) into the event's raw bytes, like {@link LogEvent} itself. Absent spans have length -1.
 *
 * <p>Thread contract: one instance per recognizing thread; valid until the next {@link #clear()}.
 */
public final class SecuritySignal {
    public static final int ABSENT = -1;

    private SecurityAction action;
    private AttackKind attack = AttackKind.NONE;
    private int sourceIpOffset;
    private int sourceIpLength = ABSENT;
    private int userOffset;
    private int userLength = ABSENT;
    private int destinationPort = ABSENT;
    private int httpStatus = ABSENT;

    public SecuritySignal clear() {
        action = null;
        attack = AttackKind.NONE;
        sourceIpLength = ABSENT;
        userLength = ABSENT;
        destinationPort = ABSENT;
        httpStatus = ABSENT;
        return this;
    }

    public SecuritySignal action(SecurityAction value) {
        action = value;
        return this;
    }

    public SecuritySignal attack(AttackKind value) {
        attack = value;
        return this;
    }

    /** The attacking / connecting address: an IP (v4 or v6) or, as fail2ban allows, a host name. */
    public SecuritySignal sourceIp(int offset, int length) {
        sourceIpOffset = offset;
        sourceIpLength = length;
        return this;
    }

    public SecuritySignal user(int offset, int length) {
        userOffset = offset;
        userLength = length;
        return this;
    }

    public SecuritySignal destinationPort(int port) {
        destinationPort = port;
        return this;
    }

    public SecuritySignal httpStatus(int status) {
        httpStatus = status;
        return this;
    }

    /** Null when the event is not a security event. */
    public SecurityAction action() {
        return action;
    }

    public AttackKind attack() {
        return attack;
    }

    public int sourceIpOffset() {
        return sourceIpOffset;
    }

    public int sourceIpLength() {
        return sourceIpLength;
    }

    public int userOffset() {
        return userOffset;
    }

    public int userLength() {
        return userLength;
    }

    public int destinationPort() {
        return destinationPort;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The source IP as a String, or null. Allocates: tests and the API edge only. */
    public String sourceIpString(LogEvent event) {
        return sourceIpLength == ABSENT ? null
            : new String(event.raw(), sourceIpOffset, sourceIpLength, StandardCharsets.UTF_8);
    }

    /** The user as a String, or null. Allocates: tests and the API edge only. */
    public String userString(LogEvent event) {
        return userLength == ABSENT ? null : new String(event.raw(), userOffset, userLength, StandardCharsets.UTF_8);
    }
}
