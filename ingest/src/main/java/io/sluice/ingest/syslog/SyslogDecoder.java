package io.sluice.ingest.syslog;

import io.sluice.core.Facility;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;

/**
 * The syslog entry point a source calls for each frame: picks the grammar and never loses the line.
 *
 * <ol>
 *   <li>{@code <PRI>} followed by digits and a space is a sender that means RFC 5424: {@link Rfc5424Decoder}. If
 *       that fails the line is stored RAW, not re-read as RFC 3164: a BSD reading of a broken RFC 5424 header
 *       would invent fields (the VERSION as a tag, the timestamp as the message).</li>
 *   <li>Anything else goes to {@link Rfc3164Decoder}, which accepts a PRI and/or a BSD/ISO date.</li>
 *   <li>Otherwise RAW: format {@link Format#RAW}, the whole line as MESSAGE, facility and severity unknown, no
 *       timestamp.</li>
 * </ol>
 * Correct for any bytes (empty, NULs, invalid UTF-8, {@code <999>}): nothing is caught because nothing throws.
 *
 * <p>Thread contract: not thread-safe; one instance per event-loop thread, like the ring producer it feeds. No
 * allocation per call. Only the fields a parser sets are reset; raw bytes, peer, transport, receive time and
 * flags (e.g. {@link LogEvent#FLAG_TRUNCATED}) are left as the source set them.
 */
public final class SyslogDecoder {
    private static final Field[] FIELDS = Field.values();

    private final Rfc5424Decoder rfc5424 = new Rfc5424Decoder();
    private final Rfc3164Decoder rfc3164 = new Rfc3164Decoder();
    private long rawFallbacks;

    /** Fills the parsed fields of {@code e} from {@code e.raw()[0..e.rawLength())}. */
    public void decode(LogEvent e) {
        byte[] b = e.raw();
        int length = e.rawLength();
        boolean parsed = Rfc5424Decoder.claims(b, length) ? rfc5424.decode(e) : rfc3164.decode(e);
        if (!parsed) {
            storeRaw(e);
            rawFallbacks++;
        }
    }

    /** Lines this decoder stored RAW since it was created; plain field, read it from the owning thread. */
    public long rawFallbacks() {
        return rawFallbacks;
    }

    private static void storeRaw(LogEvent e) {
        for (Field field : FIELDS) {
            e.clearSpan(field);
        }
        e.setPriority(Facility.UNKNOWN, Severity.UNKNOWN);
        e.setTimestamp(LogEvent.NO_TIMESTAMP, LogEvent.NO_OFFSET);
        e.setFormat(Format.RAW);
        e.setSpan(Field.MESSAGE, 0, e.rawLength());
    }
}
