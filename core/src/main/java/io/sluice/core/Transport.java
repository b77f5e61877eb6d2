package io.sluice.core;

/** How an event reached Sluice. {@link #code()} is what the journal stores: never renumber. */
public enum Transport {
    UNKNOWN(0, "unknown"),
    TCP(1, "tcp"),
    UDP(2, "udp"),
    TLS(3, "tls"),
    HTTP(4, "http");

    private static final Transport[] BY_CODE = byCode();

    private final byte code;
    private final String label;

    Transport(int code, String label) {
        this.code = (byte) code;
        this.label = label;
    }

    public byte code() {
        return code;
    }

    /** Lower-case name used in JSON, metrics tags and the CLI. */
    public String label() {
        return label;
    }

    public static Transport ofCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }

    private static Transport[] byCode() {
        Transport[] table = new Transport[8];
        for (Transport t : values()) {
            table[t.code] = t;
        }
        return table;
    }
}
