package io.sluice.analyzers.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ByteClasses#of} against its definition, on random spans built mostly of the bytes it looks for. */
class ByteClassesTest {
    private static final String[] PIECES = {"=", "[", "\"", ";", "H", "c", "l", "cl", "r", "e", "re", "m", "o", "mo",
        "t", "ot", "h", "d", "hd", "om", "lc", "er", "x", " ", "\u00e9", "C", "L"};

    @Test
    void shouldMatchTheDefinitionOnRandomSpans() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int p = random.nextInt(10); p > 0; p--) {
                line.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            int from = random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            String span = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
            assertEquals(definition(span), ByteClasses.of(bytes, from, to), () -> "classes of '" + span + "'");
        }
    }

    @Test
    void shouldFindNothingInAnEmptySpanAndOnlyThreadsReInALoggenLine() {
        byte[] bytes = "seq: 0000000042, thread: 0001, runid: 1795000000, stamp: 2026-11-23T06:00:00, PADDPADD"
            .getBytes(StandardCharsets.US_ASCII);
        assertEquals(0, ByteClasses.of(bytes, 3, 3));
        assertEquals(ByteClasses.PAIR_RE, ByteClasses.of(bytes, 0, bytes.length)); // not "mo" or "ot": no remote
    }

    private static int definition(String s) {
        int classes = 0;
        classes |= s.indexOf('=') >= 0 ? ByteClasses.EQUALS : 0;
        classes |= s.indexOf('[') >= 0 ? ByteClasses.BRACKET : 0;
        classes |= s.indexOf('"') >= 0 ? ByteClasses.QUOTE : 0;
        classes |= s.indexOf(';') >= 0 ? ByteClasses.SEMICOLON : 0;
        classes |= s.indexOf('H') >= 0 ? ByteClasses.CAPITAL_H : 0;
        classes |= s.contains("cl") ? ByteClasses.PAIR_CL : 0;
        classes |= s.contains("re") ? ByteClasses.PAIR_RE : 0;
        classes |= s.contains("mo") ? ByteClasses.PAIR_MO : 0;
        classes |= s.contains("ot") ? ByteClasses.PAIR_OT : 0;
        classes |= s.contains("hd") ? ByteClasses.PAIR_HD : 0;
        return classes;
    }
}
