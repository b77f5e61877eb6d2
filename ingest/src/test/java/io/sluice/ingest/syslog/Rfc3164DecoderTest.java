package io.sluice.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.TestEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3164DecoderTest {
    private final Rfc3164Decoder decoder = new Rfc3164Decoder();

    @Test
    void shouldParseClassicBsdLine() {
        LogEvent e = decoded("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8");
        assertEquals(Format.RFC3164, e.format());
        assertEquals(4, e.facility());
        assertEquals(2, e.severity());
        assertEquals(nanos("2023-10-11T22:14:15Z"), e.timestampNanos()); // year of TestEvents' receive time
        assertEquals(LogEvent.NO_OFFSET, e.timestampOffsetSeconds());
        assertEquals("mymachine", e.fieldAsString(Field.HOSTNAME));
        assertEquals("su", e.fieldAsString(Field.APP_NAME));
        assertNull(e.fieldAsString(Field.PROC_ID));
        assertEquals("'su root' failed for lonvick on /dev/pts/8", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldSplitPidFromTagAndExcludeSpaceAfterColon() {
        LogEvent e = decoded("<85>Jan 24 15:50:41 ip-172-31-30-110 sudo[6040]: ec2-user : TTY=pts/0");
        assertEquals("sudo", e.fieldAsString(Field.APP_NAME));
        assertEquals("6040", e.fieldAsString(Field.PROC_ID));
        assertEquals("ec2-user : TTY=pts/0", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldKeepParenthesesAndSlashesInTag() {
        LogEvent e = decoded("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure");
        assertEquals("sshd(pam_unix)", e.fieldAsString(Field.APP_NAME));
        assertEquals("19939", e.fieldAsString(Field.PROC_ID));
        assertEquals("bzorp", decoded("<7>Aug 29 02:00:00 bzorp ctld/snmpd[2499]:").fieldAsString(Field.HOSTNAME));
    }

    @Test
    void shouldTreatWordFollowedByColonAsTagNotHost() {
        LogEvent e = decoded("<13>Oct 11 22:14:15 su: message");
        assertNull(e.fieldAsString(Field.HOSTNAME));
        assertEquals("su", e.fieldAsString(Field.APP_NAME));
        assertEquals("message", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldTreatWordWithBracketAsTagNotHost() {
        LogEvent e = decoded("<13>Oct 11 22:14:15 sshd[42]: message");
        assertNull(e.fieldAsString(Field.HOSTNAME));
        assertEquals("sshd", e.fieldAsString(Field.APP_NAME));
        assertEquals("42", e.fieldAsString(Field.PROC_ID));
    }

    @Test
    void shouldTreatWordWithNonHostnameCharactersAsTag() {
        LogEvent e = decoded("<175>Oct 16 23:47:31 #001 MSWinEventLog 0");
        assertNull(e.fieldAsString(Field.HOSTNAME));
        assertEquals("#001", e.fieldAsString(Field.APP_NAME));
        assertEquals("MSWinEventLog 0", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldAcceptIpv6Hostname() {
        assertEquals("0001:BABA:BA00:DAB::BAB0",
            decoded("<0>Jan 10 01:00:00 0001:BABA:BA00:DAB::BAB0 prg0").fieldAsString(Field.HOSTNAME));
    }

    @Test
    void shouldParseIsoTimestampKeepingItsOffset() {
        LogEvent e = decoded("<13>2026-11-23T10:00:00+01:00 host prog[1]: msg");
        assertEquals(nanos("2026-11-23T09:00:00Z"), e.timestampNanos());
        assertEquals(3600, e.timestampOffsetSeconds());
        assertEquals("host", e.fieldAsString(Field.HOSTNAME));
        assertEquals("prog", e.fieldAsString(Field.APP_NAME));
        assertEquals("1", e.fieldAsString(Field.PROC_ID));
        assertEquals("msg", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldParseYearInsideDateAndTrailingColonAfterTime() {
        LogEvent e = decoded("<167>Mar 7 2008 19:06:53: example tag: testmessage");
        assertEquals(nanos("2008-03-07T19:06:53Z"), e.timestampNanos());
        assertEquals("example", e.fieldAsString(Field.HOSTNAME));
        assertEquals("tag", e.fieldAsString(Field.APP_NAME));
    }

    @Test
    void shouldSkipSpaceBeforeDate() {
        assertEquals("example", decoded("<167> Mar  7 19:06:53 example tag: m").fieldAsString(Field.HOSTNAME));
    }

    @Test
    void shouldReadTagAndMessageWithoutDateButNoHostname() {
        LogEvent e = decoded("<27>xapi: [error|xen3|15] Connection to master died.");
        assertEquals(LogEvent.NO_TIMESTAMP, e.timestampNanos());
        assertNull(e.fieldAsString(Field.HOSTNAME));
        assertEquals("xapi", e.fieldAsString(Field.APP_NAME));
        assertEquals("[error|xen3|15] Connection to master died.", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldAssumeUserNoticeWithoutPriWhenDateFollows() {
        LogEvent e = decoded("Feb 18 16:01:59 serverX -- MARK --");
        assertEquals(1, e.facility());
        assertEquals(5, e.severity());
        assertEquals("serverX", e.fieldAsString(Field.HOSTNAME));
        assertEquals("--", e.fieldAsString(Field.APP_NAME));
        assertEquals("MARK --", e.fieldAsString(Field.MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"This is a message!", "", "2015-07-29 17:41:44,747 - INFO  [main] - started",
        "081109 203615 148 INFO dfs.DataNode: x", "[Sun Dec 04 04:47:44 2005] [notice] ok", "<999>Oct 11 22:14:15 h",
        "03-17 16:13:38.811  1702  2395 D WindowManager: x", "Oct 11 22:14:15host x"})
    void shouldRejectLineWithNeitherPriNorDate(String line) {
        LogEvent e = TestEvents.raw(line);
        assertFalse(decoder.decode(e), line);
        assertEquals(Format.RAW, e.format());
        assertEquals(LogEvent.NO_TIMESTAMP, e.timestampNanos());
        assertFalse(e.has(Field.APP_NAME));
    }

    @Test
    void shouldSkipCiscoSequenceNumberAndClockMarker() {
        LogEvent e = decoded("<189>91: *Oct 07 03:10:04: host %CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd");
        assertEquals(nanos("2023-10-07T03:10:04Z"), e.timestampNanos());
        assertEquals("host", e.fieldAsString(Field.HOSTNAME));
        assertEquals("%CRYPTO-4-RECVD_PKT_INV_SPI", e.fieldAsString(Field.APP_NAME));
        assertEquals("decaps: rec'd", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldTakeHostFromMessageForwardedFrom() {
        LogEvent e = decoded("<38>Feb 11 21:27:32 Message forwarded from cdaix66: sshd[679960]: Accepted");
        assertEquals("cdaix66", e.fieldAsString(Field.HOSTNAME));
        assertEquals("sshd", e.fieldAsString(Field.APP_NAME));
        assertEquals("679960", e.fieldAsString(Field.PROC_ID));
        assertEquals("Accepted", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldLeaveEverythingAfterDateAbsentWhenNothingFollows() {
        LogEvent e = decoded("<7>2006-10-29T02:00:00.156+01:00 ");
        assertEquals(3600, e.timestampOffsetSeconds());
        assertFalse(e.has(Field.HOSTNAME));
        assertFalse(e.has(Field.APP_NAME));
        assertFalse(e.has(Field.MESSAGE));
    }

    @Test
    void shouldStartMessageAtBracketWhenPidIsUnterminated() {
        LogEvent e = decoded("<13>Oct 11 22:14:15 host app[12 broken");
        assertEquals("app", e.fieldAsString(Field.APP_NAME));
        assertFalse(e.has(Field.PROC_ID));
        assertEquals("[12 broken", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldKeepMessageAfterColonWithoutSpace() {
        assertEquals("root failed", decoded("<13>Oct 11 22:14:15 host su:root failed").fieldAsString(Field.MESSAGE));
    }

    private LogEvent decoded(String line) {
        LogEvent e = TestEvents.raw(line);
        assertTrue(decoder.decode(e), line);
        return e;
    }

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
