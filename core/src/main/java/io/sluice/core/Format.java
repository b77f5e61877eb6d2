package io.sluice.core;

/** Which grammar the event's bytes were parsed with. {@link #code()} is what the journal stores: never renumber. */
public enum Format {
    /** Neither syslog grammar matched: the whole line is the message. Nothing is ever dropped for not parsing. */
    RAW(0, "raw"),
    RFC5424(1, "rfc5424"),
    RFC3164(2, "rfc3164"),
    /** One JSON object (an NDJSON line or an Elasticsearch bulk document), normalised by the HTTP source. */
    JSON(3, "json"),
    /** One OpenTelemetry log record (OTLP/HTTP, protobuf or JSON), normalised by the OTLP source. */
    OTLP(4, "otlp");

    private static final Format[] BY_CODE = byCode();

    private final byte code;
    private final String label;

    Format(int code, String label) {
        this.code = (byte) code;
        this.label = label;
    }

    public byte code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Format ofCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : RAW;
    }

    private static Format[] byCode() {
        Format[] table = new Format[8];
        for (Format f : values()) {
            table[f.code] = f;
        }
        return table;
    }
}
