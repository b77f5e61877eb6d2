package io.sluice.ingest.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.core.Facility;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.ingest.syslog.SyslogCorpusTest.Mismatch;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares a decoded event with a valid corpus case's {@code expected} object, applying the per-source
 * normalisations from {@code shared/corpora/README.md} ("syslog/"):
 * <ul>
 *   <li>NILVALUE: go-syslog/EasyPost {@code null}; syslog-ng and rsyslog render absent as {@code ""}; rsyslog's
 *       {@code $SENDER_HOSTNAME} means the message carried no hostname.</li>
 *   <li>RFC 5424 messages: a leading BOM is stripped on both sides (Sluice's span starts after it).</li>
 *   <li>rsyslog RFC 3164 {@code %msg%} keeps the space after the tag: one leading space is dropped before comparing.
 *       rsyslog renders every timestamp as the sender's wall clock {@code Mmm dd HH:MM:SS}.</li>
 *   <li>Timestamps compare as instant + offset. A zone-less date (BSD, ISO without offset) has Sluice offset
 *       NO_OFFSET and a UTC wall clock, while syslog-ng applied its test zone (CET): then the wall clocks are
 *       compared and syslog-ng's gmtoff is not. syslog-ng's {@code RECEIVE_TIME} = no timestamp in the message.</li>
 *   <li>syslog-ng's {@code syslog_ng_sdata} lists only what its test checked: a subset compare.
 *       {@code LP_SANITIZE_UTF8} cases compare the message rendered the way syslog-ng sanitises it.</li>
 * </ul>
 * Keys with nothing to compare in Sluice are in {@link #NOT_STORED}; any other unknown key is a mismatch.
 */
final class CorpusExpectations {
    /** version: LogEvent has no field for it (the decoder only validates 1..999); the rest is informative text. */
    private static final Set<String> NOT_STORED = Set.of("version", "timestamp_text", "timestamp_note");
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final JsonNode c;
    private final JsonNode expected;
    private final LogEvent e;
    private final boolean syslogNg;
    private final boolean rsyslog;
    private final List<Mismatch> out = new ArrayList<>();

    CorpusExpectations(JsonNode c, LogEvent e) {
        this.c = c;
        this.expected = c.get("expected");
        this.e = e;
        String source = c.get("source").asText();
        this.syslogNg = source.startsWith("syslog-ng/");
        this.rsyslog = source.startsWith("rsyslog/");
    }

    List<Mismatch> mismatches() {
        Format format = expectedFormat(c.get("format").asText());
        if (e.format() != format) {
            out.add(new Mismatch("format", format, e.format()));
            return out; // other keys would only repeat that the grammar differs
        }
        for (Iterator<String> keys = expected.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!NOT_STORED.contains(key)) {
                compare(key, expected.get(key));
            }
        }
        return out;
    }

    private static Format expectedFormat(String corpusFormat) {
        switch (corpusFormat) {
            case "rfc5424": return Format.RFC5424;
            case "raw": return Format.RAW;
            default: return Format.RFC3164; // rfc3164, no_pri (PRI 13 assumed), no_header (PRI but no header)
        }
    }

    private void compare(String key, JsonNode value) {
        switch (key) {
            case "pri": check(key, value.asInt(), e.facility() < 0 ? null : e.facility() * 8 + e.severity()); break;
            case "facility": check(key, value.asInt(), e.facility()); break;
            case "severity": check(key, value.asInt(), e.severity()); break;
            case "facility_text": check(key, value.asText(), Facility.keywordOf(e.facility())); break;
            case "severity_text": check(key, value.asText(), Severity.keywordOf(e.severity())); break;
            case "hostname": checkText(key, value, Field.HOSTNAME); break;
            case "appname": case "programname": checkText(key, value, Field.APP_NAME); break;
            case "procid": checkText(key, value, Field.PROC_ID); break;
            case "msgid": checkText(key, value, Field.MSG_ID); break;
            case "message": checkMessage(value); break;
            case "message_base64": checkMessageBytes(Base64.getDecoder().decode(value.asText())); break;
            case "syslogtag": check(key, absentIfEmpty(value.asText()), syslogTag()); break;
            case "structured_data": checkStructuredData(value); break;
            case "syslog_ng_sd_str": check(key, absentIfEmpty(value.asText()), e.fieldAsString(Field.STRUCTURED_DATA)); break;
            case "syslog_ng_sdata": checkSdataSubset(value); break;
            case "timestamp": checkTimestamp(value); break;
            case "timestamp_epoch": checkEpochSeconds(value.asLong()); break;
            case "timestamp_usec": check(key, value.asLong(), e.timestampNanos() == LogEvent.NO_TIMESTAMP ? null
                : Math.floorMod(e.timestampNanos(), 1_000_000_000L) / 1000); break;
            case "timestamp_gmtoff_seconds": checkGmtoff(value.asInt()); break;
            case "timestamp_rfc3164_rendered": check(key, value.asText(), rendered(false)); break;
            case "timestamp_rfc3164_buggyday_rendered": check(key, value.asText(), rendered(true)); break;
            case "month": check(key, value.asInt(), wallClock() == null ? null : wallClock().getMonthValue()); break;
            case "day": check(key, value.asInt(), wallClock() == null ? null : wallClock().getDayOfMonth()); break;
            case "time": check(key, value.asText(), wallClock() == null ? null : String.format("%02d:%02d:%02d",
                wallClock().getHour(), wallClock().getMinute(), wallClock().getSecond())); break;
            default: out.add(new Mismatch(key, value, "unknown expected key: teach CorpusExpectations about it"));
        }
    }

    private void check(String key, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            out.add(new Mismatch(key, want, got));
        }
    }

    private void checkText(String key, JsonNode value, Field field) {
        String want = value.isNull() ? null : value.asText();
        if ((syslogNg || rsyslog) && want != null) {
            want = "$SENDER_HOSTNAME".equals(want) ? null : absentIfEmpty(want);
        }
        check(key, want, e.fieldAsString(field));
    }

    private void checkMessage(JsonNode value) {
        String want = value.isNull() ? null : value.asText();
        if (want != null && want.startsWith("\uFEFF")) {
            want = want.substring(1); // the span starts after the BOM
        }
        if (want != null && rsyslog && e.format() == Format.RFC3164 && want.startsWith(" ")) {
            want = want.substring(1); // rsyslog's %msg% keeps the space after the tag
        }
        if (want != null && (syslogNg || rsyslog)) {
            want = absentIfEmpty(want);
        }
        String got = e.fieldAsString(Field.MESSAGE);
        if (got != null && flags().contains("LP_SANITIZE_UTF8")) {
            got = sanitizedLikeSyslogNg(e.raw(), e.spanOffset(Field.MESSAGE), e.spanLength(Field.MESSAGE));
        }
        check("message", want, got);
    }

    private void checkMessageBytes(byte[] want) {
        byte[] got = e.has(Field.MESSAGE) ? java.util.Arrays.copyOfRange(e.raw(), e.spanOffset(Field.MESSAGE),
            e.spanOffset(Field.MESSAGE) + e.spanLength(Field.MESSAGE)) : null;
        if (!java.util.Arrays.equals(want, got)) {
            out.add(new Mismatch("message_base64", Base64.getEncoder().encodeToString(want),
                got == null ? null : Base64.getEncoder().encodeToString(got)));
        }
    }

    private void checkStructuredData(JsonNode value) {
        Map<String, Map<String, String>> want = null;
        if (!value.isNull()) {
            want = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> id : value.properties()) {
                Map<String, String> params = new LinkedHashMap<>();
                id.getValue().properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
                want.put(id.getKey(), params);
            }
        }
        check("structured_data", want, structuredData()); // Map.equals: order-insensitive, as JSON objects are
    }

    private void checkSdataSubset(JsonNode value) {
        Map<String, Map<String, String>> got = structuredData();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String path = entry.getKey().substring(".SDATA.".length());
            int dot = path.lastIndexOf('.');
            String id = path.substring(0, dot);
            String param = path.substring(dot + 1);
            String actual = got == null || got.get(id) == null ? null : got.get(id).get(param);
            check("syslog_ng_sdata" + entry.getKey(), entry.getValue().asText(), actual);
        }
    }

    private Map<String, Map<String, String>> structuredData() {
        return e.has(Field.STRUCTURED_DATA) ? StructuredData.parse(e.raw(), e.spanOffset(Field.STRUCTURED_DATA),
            e.spanLength(Field.STRUCTURED_DATA)) : null;
    }

    private void checkTimestamp(JsonNode value) {
        if (value.isNull() || "RECEIVE_TIME".equals(value.asText())) {
            check("timestamp", "none", e.timestampNanos() == LogEvent.NO_TIMESTAMP ? "none" : e.timestampNanos());
            return;
        }
        String text = value.asText();
        boolean zulu = text.endsWith("Z");
        // java.time caps offsets at 18h; RFC 3339 allows up to 23:59, so the offset is read by hand
        LocalDateTime local = LocalDateTime.parse(text.substring(0, text.length() - (zulu ? 1 : 6)));
        int offset = zulu ? 0 : (text.charAt(text.length() - 6) == '-' ? -1 : 1)
            * (Integer.parseInt(text.substring(text.length() - 5, text.length() - 3)) * 3600
            + Integer.parseInt(text.substring(text.length() - 2)) * 60);
        long nanos = (local.toEpochSecond(ZoneOffset.UTC) - offset) * 1_000_000_000L + local.getNano();
        if (e.timestampNanos() == LogEvent.NO_TIMESTAMP) {
            out.add(new Mismatch("timestamp", text, "none"));
        } else if (e.timestampOffsetSeconds() == LogEvent.NO_OFFSET && syslogNg) {
            check("timestamp", local, wallClock()); // syslog-ng added its zone; we keep none
        } else {
            check("timestamp", text + " = " + nanos + "/" + offset,
                text + " = " + e.timestampNanos() + "/" + e.timestampOffsetSeconds());
        }
    }

    private void checkEpochSeconds(long epoch) {
        if (e.timestampNanos() == LogEvent.NO_TIMESTAMP) {
            out.add(new Mismatch("timestamp_epoch", epoch, "none"));
        } else if (e.timestampOffsetSeconds() == LogEvent.NO_OFFSET) {
            long wall = epoch + expected.get("timestamp_gmtoff_seconds").asLong();
            check("timestamp_epoch", "wall clock " + wall,
                "wall clock " + Math.floorDiv(e.timestampNanos(), 1_000_000_000L));
        } else {
            check("timestamp_epoch", epoch, Math.floorDiv(e.timestampNanos(), 1_000_000_000L));
        }
    }

    private void checkGmtoff(int gmtoff) {
        if (e.timestampOffsetSeconds() != LogEvent.NO_OFFSET || e.timestampNanos() == LogEvent.NO_TIMESTAMP) {
            check("timestamp_gmtoff_seconds", gmtoff, e.timestampOffsetSeconds());
        } // zone-less: syslog-ng's gmtoff is its own test zone, not something the sender wrote
    }

    /** The sender's wall clock: instant plus the offset it wrote (UTC when it wrote none). */
    private LocalDateTime wallClock() {
        if (e.timestampNanos() == LogEvent.NO_TIMESTAMP) {
            return null;
        }
        int offset = e.timestampOffsetSeconds() == LogEvent.NO_OFFSET ? 0 : e.timestampOffsetSeconds();
        return LocalDateTime.ofEpochSecond(Math.floorDiv(e.timestampNanos(), 1_000_000_000L),
            (int) Math.floorMod(e.timestampNanos(), 1_000_000_000L), ZoneOffset.ofTotalSeconds(offset));
    }

    private String rendered(boolean zeroPaddedDay) {
        LocalDateTime t = wallClock();
        return t == null ? null : String.format(zeroPaddedDay ? "%s %02d %02d:%02d:%02d" : "%s %2d %02d:%02d:%02d",
            MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    }

    /** rsyslog's syslogtag: the TAG as sent for RFC 3164, "app[procid]" synthesised for RFC 5424. */
    private String syslogTag() {
        if (!e.has(Field.APP_NAME)) {
            return null;
        }
        if (e.format() == Format.RFC5424) {
            String procId = e.fieldAsString(Field.PROC_ID);
            return e.fieldAsString(Field.APP_NAME) + (procId == null ? "" : "[" + procId + "]");
        }
        int start = e.spanOffset(Field.APP_NAME);
        int q = e.has(Field.PROC_ID) ? e.spanOffset(Field.PROC_ID) + e.spanLength(Field.PROC_ID) + 1
            : start + e.spanLength(Field.APP_NAME);
        q += q < e.rawLength() && e.raw()[q] == ':' ? 1 : 0;
        return new String(e.raw(), start, q - start, StandardCharsets.UTF_8);
    }

    private Set<String> flags() {
        Set<String> flags = new java.util.HashSet<>();
        c.path("syslog_ng_flags").forEach(f -> flags.add(f.asText()));
        return flags;
    }

    private static String absentIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    /** syslog-ng's LP_SANITIZE_UTF8 rendering: valid UTF-8 as is, each byte of an invalid sequence as \xNN. */
    static String sanitizedLikeSyslogNg(byte[] b, int offset, int length) {
        StringBuilder out = new StringBuilder();
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int n = validSequenceLength(b, i, end);
            if (n > 0) {
                out.append(new String(b, i, n, StandardCharsets.UTF_8));
                i += n;
            } else {
                out.append(String.format("\\x%02x", b[i] & 0xFF));
                i++;
            }
        }
        return out.toString();
    }

    private static int validSequenceLength(byte[] b, int i, int end) {
        int lead = b[i] & 0xFF;
        int n = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
            : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (n == 0 || i + n > end) {
            return 0;
        }
        for (int k = 1; k < n; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return n;
    }
}
