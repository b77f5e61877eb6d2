package io.sluice.analyzers.scan;

/**
 * Which marker bytes, and which two-byte pairs, occur in a span of a line, found in one branch-free pass over a
 * 256-entry table. The analyzers on a ring thread ask it once per event ({@link LineFacts#messageClasses}) and skip
 * the scans that cannot find anything: no {@code '='} means no {@code key=value} latency, no {@code 'H'} no
 * {@code HTTP/} status, no {@code "hd"} no {@code sshd}. Most lines hold few of these, so most scans are skipped.
 * Stateless; allocation-free.
 */
public final class ByteClasses {
    /** The span holds {@code '='} (key=value: latency keys, netfilter, audit, PAM). */
    public static final int EQUALS = 1;
    /** The span holds {@code '['} (fail2ban's {@code [jail] Ban}). */
    public static final int BRACKET = 1 << 1;
    /** The span holds {@code '"'} (an access log's request). */
    public static final int QUOTE = 1 << 2;
    /** The span holds {@code ';'} (PAM's {@code failure;}, sudo's {@code ; TTY=}). */
    public static final int SEMICOLON = 1 << 3;
    /** The span holds {@code 'H'} (an access log's {@code HTTP/1.1}). */
    public static final int CAPITAL_H = 1 << 4;

    // A pair is found as (previous byte's bits << PAIR_SHIFT) & this byte's bits: a pair's first letter has a bit in
    // the second byte of the int, its second letter the same bit in the third byte. The pairs are the rare ones in the
    // words the security recognizer looks for ("hd" of sshd; "mo" and "ot" of remote), so common text rarely has them.
    private static final int PAIR_SHIFT = 8;
    private static final int FIRST_C = 1 << PAIR_SHIFT;
    private static final int FIRST_R = 1 << PAIR_SHIFT + 1;
    private static final int FIRST_M = 1 << PAIR_SHIFT + 2;
    private static final int FIRST_O = 1 << PAIR_SHIFT + 3;
    private static final int FIRST_H = 1 << PAIR_SHIFT + 4;
    /** The span holds {@code "cl"} (as {@code client} does). */
    public static final int PAIR_CL = FIRST_C << PAIR_SHIFT;
    /** The span holds {@code "re"} (as {@code remote} does). */
    public static final int PAIR_RE = FIRST_R << PAIR_SHIFT;
    /** The span holds {@code "mo"} (as {@code remote} does). */
    public static final int PAIR_MO = FIRST_M << PAIR_SHIFT;
    /** The span holds {@code "ot"} (as {@code remote} does). */
    public static final int PAIR_OT = FIRST_O << PAIR_SHIFT;
    /** The span holds {@code "hd"} (as {@code sshd} does). */
    public static final int PAIR_HD = FIRST_H << PAIR_SHIFT;

    private static final int SINGLES = EQUALS | BRACKET | QUOTE | SEMICOLON | CAPITAL_H;
    private static final int PAIRS = PAIR_CL | PAIR_RE | PAIR_MO | PAIR_OT | PAIR_HD;
    private static final int[] TABLE = table();

    private ByteClasses() {
    }

    /** The classes of {@code bytes[from, to)}: an OR of the constants above. */
    public static int of(byte[] bytes, int from, int to) {
        int singles = 0;
        int pairs = 0;
        int previous = 0;
        for (int i = from; i < to; i++) { // no branch in the body: the JIT unrolls it
            int current = TABLE[bytes[i] & 0xFF];
            singles |= current;
            pairs |= previous << PAIR_SHIFT & current;
            previous = current;
        }
        return singles & SINGLES | pairs & PAIRS; // a single's bit shifted up can land on a first letter's
    }

    /** Whether {@code classes} hold every bit of {@code bits}. */
    public static boolean has(int classes, int bits) {
        return (classes & bits) == bits;
    }

    private static int[] table() {
        int[] table = new int[256];
        table['='] = EQUALS;
        table['['] = BRACKET;
        table['"'] = QUOTE;
        table[';'] = SEMICOLON;
        table['H'] = CAPITAL_H;
        table['c'] = FIRST_C;
        table['l'] = PAIR_CL;
        table['r'] = FIRST_R;
        table['e'] = PAIR_RE;
        table['m'] = FIRST_M;
        table['o'] = FIRST_O | PAIR_MO; // first letter of "ot", second of "mo"
        table['t'] = PAIR_OT;
        table['h'] = FIRST_H;
        table['d'] = PAIR_HD;
        return table;
    }
}
