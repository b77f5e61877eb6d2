package io.sluice.analyzers.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteSearchTest {
    @Test
    void shouldAgreeWithAByteLoopOnRandomInputAndEveryRange() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(4) == 0 ? 'H' : random.nextInt(256)); // high bytes too
            }
            byte value = random.nextBoolean() ? (byte) 'H' : (byte) random.nextInt(256);
            for (int from = 0; from <= bytes.length; from++) {
                for (int to = from; to <= bytes.length; to++) {
                    assertEquals(loop(bytes, from, to, value), ByteSearch.indexOf(bytes, from, to, value));
                }
            }
        }
    }

    private static int loop(byte[] bytes, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
