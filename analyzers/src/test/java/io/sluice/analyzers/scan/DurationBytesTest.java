package io.sluice.analyzers.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationBytesTest {
    @ParameterizedTest(name = "{0} ({1}) -> {2} us")
    @CsvSource({
        "123, MILLISECONDS, 123000",
        "0.25, SECONDS, 250000",
        "1.2s, MILLISECONDS, 1200000",
        "87ms, SECONDS, 87000",
        "350us, SECONDS, 350",
        "350µs, SECONDS, 350",
        "1500ns, SECONDS, 2",
        "0, MILLISECONDS, 0",
        ".5, SECONDS, 500000",
        "2., SECONDS, 2000000",
        "1.5e-3, SECONDS, 1500",
        "2E3, MICROSECONDS, 2000",
        "123456789012345678901, NANOSECONDS, 123456789012345680",
        "0.000000000000000000001, SECONDS, 0",
        "-5, MILLISECONDS, -1",
        "5m, SECONDS, -1",
        "5 ms, SECONDS, -1",
        "abc, SECONDS, -1",
        "1e, SECONDS, -1",
        "., SECONDS, -1",
    })
    void shouldReadNumbersWithOptionalUnits(String text, DurationUnit unit, long micros) {
        byte[] bytes = ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
        assertEquals(micros, DurationBytes.micros(bytes, 1, bytes.length - 2, unit));
    }
}
