package io.sluice.ingest.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 5424 STRUCTURED-DATA grammar, written once and used twice: {@link Rfc5424Decoder} validates it on the hot
 * path through {@link #scan} (allocation-free), and the API edge decodes a stored span into maps with
 * {@link #parse} (allocates). Both see the same elements, so what the decoder accepted, replay can print.
 *
 * <pre>
 * SD-ELEMENT  = "[" SD-ID *(SP SD-PARAM) "]"
 * SD-PARAM    = PARAM-NAME "=" %d34 PARAM-VALUE %d34
 * SD-ID, PARAM-NAME = 1*32 PRINTUSASCII except '=', SP, ']', %d34
 * PARAM-VALUE = UTF-8, with '"', '\' and ']' escaped by '\'; any other '\' is kept as is
 * </pre>
 */
public final class StructuredData {
    /** RFC 5424 section 6.3.2/6.3.3: SD-ID and PARAM-NAME are at most 32 characters. */
    public static final int MAX_NAME_LENGTH = 32;
    /** Per byte value: may it stand in an SD-ID or PARAM-NAME (a table: the scan asks for every byte of them). */
    private static final boolean[] NAME_CHAR = nameChars();
    /** Per byte value: does it end or escape inside a PARAM-VALUE ('"', ']', '\\')? */
    private static final boolean[] VALUE_SPECIAL = valueSpecials();

    /** Receives the elements and parameters {@link #scan} finds, as spans into the scanned array. */
    interface Handler {
        /** An SD-ID; return false to reject the message (e.g. a duplicate). */
        boolean onElement(byte[] b, int offset, int length);

        /** A parameter of the last element; the value span is still escaped. */
        void onParam(byte[] b, int nameOffset, int nameLength, int valueOffset, int valueLength);
    }

    private StructuredData() {
    }

    /**
     * Decodes SD text (as stored in the STRUCTURED_DATA span) into SD-ID -> (PARAM-NAME -> unescaped value), in the
     * order sent. Allocates: for replay and the HTTP API, never the hot path. Thread-safe.
     *
     * @return an empty map for {@code -} or no bytes; for malformed text, the elements before the error
     */
    public static Map<String, Map<String, String>> parse(byte[] raw, int off, int len) {
        if (len <= 0 || raw[off] != '[') {
            return Collections.emptyMap();
        }
        MapBuilder builder = new MapBuilder();
        scan(raw, off, off + len, builder);
        return builder.result;
    }

    /**
     * Walks one or more SD-ELEMENTs starting at {@code b[p]}, which must be '['.
     *
     * @return the index after the last ']', or -1 if the bytes break the grammar or the handler rejected an element
     */
    static int scan(byte[] b, int p, int end, Handler handler) {
        if (p >= end || b[p] != '[') {
            return -1;
        }
        while (p < end && b[p] == '[') {
            p = element(b, p + 1, end, handler);
            if (p < 0) {
                return -1;
            }
        }
        return p;
    }

    private static int element(byte[] b, int p, int end, Handler handler) {
        int idEnd = nameEnd(b, p, end);
        if (idEnd < 0 || !handler.onElement(b, p, idEnd - p)) {
            return -1;
        }
        p = idEnd;
        while (p < end && b[p] == ' ') {
            p = param(b, p + 1, end, handler);
            if (p < 0) {
                return -1;
            }
        }
        return p < end && b[p] == ']' ? p + 1 : -1;
    }

    private static int param(byte[] b, int p, int end, Handler handler) {
        int nameEnd = nameEnd(b, p, end);
        if (nameEnd < 0 || end - nameEnd < 2 || b[nameEnd] != '=' || b[nameEnd + 1] != '"') {
            return -1;
        }
        int valueStart = nameEnd + 2;
        int valueEnd = valueEnd(b, valueStart, end);
        if (valueEnd < 0) {
            return -1;
        }
        handler.onParam(b, p, nameEnd - p, valueStart, valueEnd - valueStart);
        return valueEnd + 1;
    }

    /** End of an SD-NAME of 1..32 characters at {@code p}, or -1 if empty or longer. */
    private static int nameEnd(byte[] b, int p, int end) {
        int limit = Math.min(end, p + MAX_NAME_LENGTH);
        int q = p;
        while (q < limit && isNameChar(b[q])) {
            q++;
        }
        if (q == p || (q < end && isNameChar(b[q]))) {
            return -1;
        }
        return q;
    }

    /** Index of the closing quote of a PARAM-VALUE starting at {@code p}, or -1 (unescaped ']' or no quote). */
    private static int valueEnd(byte[] b, int p, int end) {
        while (p < end) {
            byte c = b[p];
            if (!VALUE_SPECIAL[c & 0xFF]) { // most bytes: one table load, one branch
                p++;
            } else if (c == '"') {
                return p;
            } else if (c == ']') {
                return -1; // RFC 5424 6.3.3: ']' MUST be escaped; go-syslog and syslog-ng reject it too
            } else {
                p += 2; // a backslash: an escape pair can never close the value
            }
        }
        return -1;
    }

    private static boolean isNameChar(byte c) {
        return NAME_CHAR[c & 0xFF];
    }

    /** PRINTUSASCII except '=', ']' and '"' (SP is not printable): what SD-ID and PARAM-NAME are made of. */
    private static boolean[] nameChars() {
        boolean[] table = new boolean[256];
        for (int c = 0; c < table.length; c++) {
            table[c] = SyslogBytes.isPrintUsAscii((byte) c) && c != '=' && c != ']' && c != '"';
        }
        return table;
    }

    private static boolean[] valueSpecials() {
        boolean[] table = new boolean[256];
        table['"'] = true;
        table[']'] = true;
        table['\\'] = true;
        return table;
    }

    /** Un-escapes {@code \"}, {@code \\} and {@code \]}; any other backslash is kept with its character. */
    static String unescape(byte[] b, int offset, int length) {
        byte[] out = new byte[length];
        int n = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte c = b[i];
            if (c == '\\' && i + 1 < end && (b[i + 1] == '"' || b[i + 1] == '\\' || b[i + 1] == ']')) {
                c = b[++i];
            }
            out[n++] = c;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** API-edge handler: builds the maps. */
    private static final class MapBuilder implements Handler {
        final Map<String, Map<String, String>> result = new LinkedHashMap<>();
        private Map<String, String> current;

        @Override
        public boolean onElement(byte[] b, int offset, int length) {
            current = result.computeIfAbsent(new String(b, offset, length, StandardCharsets.US_ASCII),
                id -> new LinkedHashMap<>());
            return true;
        }

        @Override
        public void onParam(byte[] b, int nameOffset, int nameLength, int valueOffset, int valueLength) {
            current.put(new String(b, nameOffset, nameLength, StandardCharsets.US_ASCII),
                unescape(b, valueOffset, valueLength));
        }
    }
}
