package io.sluice.analyzers.latency;

import io.sluice.analyzers.scan.AccessLogLine;
import io.sluice.analyzers.scan.ByteClasses;
import io.sluice.analyzers.scan.DurationBytes;
import io.sluice.analyzers.scan.DurationUnit;
import io.sluice.analyzers.scan.FieldVisitor;
import io.sluice.analyzers.scan.JsonFieldScanner;
import io.sluice.analyzers.scan.KeyValueScanner;
import io.sluice.analyzers.scan.LineFacts;
import io.sluice.analyzers.scan.StructuredDataScanner;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import java.util.List;

/**
 * Reads the latency an application logged in an event, in microseconds, from the sources {@link LatencySettings}
 * names, in its order; a field whose value is not a duration (text, a negative number, an unknown suffix) is skipped
 * and the scan goes on.
 *
 * <p>Not thread-safe (scanner state): one instance per ring consumer. Allocation-free. The access-log status position
 * comes from the ring thread's {@link LineFacts}, shared with the other analyzers on that thread.
 */
public final class LatencyExtractor implements FieldVisitor {
    /** Returned when the event carries no latency. */
    public static final long NONE = -1;

    private final JsonFieldScanner json;
    private final StructuredDataScanner structuredData;
    private final KeyValueScanner keyValues;
    private final DurationUnit[] jsonUnits;
    private final DurationUnit[] structuredDataUnits;
    private final DurationUnit[] messageUnits;
    private final boolean accessLogRequestTime;
    private final LineFacts oneOff = new LineFacts();
    private DurationUnit[] units; // of the scan in progress
    private long found;

    public LatencyExtractor(LatencySettings settings) {
        this.json = new JsonFieldScanner(names(settings.jsonFields()));
        this.structuredData = new StructuredDataScanner(names(settings.structuredDataParams()));
        this.keyValues = new KeyValueScanner(names(settings.messageKeys()));
        this.jsonUnits = units(settings.jsonFields());
        this.structuredDataUnits = units(settings.structuredDataParams());
        this.messageUnits = units(settings.messageKeys());
        this.accessLogRequestTime = settings.accessLogRequestTime();
    }

    /** The event's latency in microseconds, or {@link #NONE}, on its own (nothing shared with other analyzers). */
    public long micros(LogEvent event) {
        return micros(event, oneOff.fresh(event));
    }

    /** The event's latency in microseconds, or {@link #NONE}; {@code facts} are this thread's, {@link LineFacts#of of} it. */
    public long micros(LogEvent event, LineFacts facts) {
        byte[] raw = event.raw();
        found = NONE;
        if (event.has(Field.ATTRIBUTES)) {
            units = jsonUnits;
            json.scan(raw, event.spanOffset(Field.ATTRIBUTES), event.spanLength(Field.ATTRIBUTES), this);
        }
        if (found == NONE && event.has(Field.STRUCTURED_DATA)) {
            units = structuredDataUnits;
            structuredData.scan(raw, event.spanOffset(Field.STRUCTURED_DATA), event.spanLength(Field.STRUCTURED_DATA),
                this);
        }
        int messageLength = event.spanLength(Field.MESSAGE);
        if (found == NONE && messageLength > 0) {
            int messageOffset = event.spanOffset(Field.MESSAGE);
            if (ByteClasses.has(facts.messageClasses(), ByteClasses.EQUALS)) { // no '=', no key=value to scan for
                units = messageUnits;
                keyValues.scan(raw, messageOffset, messageLength, this);
            }
            if (found == NONE && accessLogRequestTime) {
                found = AccessLogLine.requestTimeMicros(raw, messageOffset, messageLength,
                    facts.accessLogStatusIndex());
            }
        }
        return found;
    }

    @Override
    public boolean onField(int nameIndex, byte[] bytes, int offset, int length) {
        long micros = DurationBytes.micros(bytes, offset, length, units[nameIndex]);
        if (micros == DurationBytes.NOT_A_DURATION) {
            return false;
        }
        found = micros;
        return true;
    }

    private static List<String> names(List<LatencyField> fields) {
        return fields.stream().map(LatencyField::name).toList();
    }

    private static DurationUnit[] units(List<LatencyField> fields) {
        return fields.stream().map(LatencyField::unit).toArray(DurationUnit[]::new);
    }
}
