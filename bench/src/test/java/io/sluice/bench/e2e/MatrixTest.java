package io.sluice.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.bench.e2e.Matrix.Cell;
import io.sluice.bench.e2e.Matrix.Client;
import io.sluice.bench.e2e.Matrix.Transport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixTest {
    @Test
    void shouldRunLoggenOnTcpAtFourConnectionsByDefault() {
        List<Cell> cells = Matrix.expand(List.of(Client.JAVA, Client.LOGGEN), List.of(Transport.values()),
            List.of(1, 4, 16, 256), List.of(100, 500, 2048), false);
        assertEquals(3 * 4 * 3 + 2, cells.size());
        List<Cell> loggen = cells.stream().filter(c -> c.client() == Client.LOGGEN).toList();
        assertEquals(List.of(new Cell(Client.LOGGEN, Transport.TCP, 4, 500), new Cell(Client.LOGGEN, Transport.TCP, 4,
            2048)), loggen, "100 B is below loggen's header: skipped");
    }

    @Test
    void shouldUseGivenConnectionsForLoggenAndSkipItsUdp() {
        List<Cell> cells = Matrix.expand(List.of(Client.LOGGEN), List.of(Transport.UDP, Transport.TCP),
            List.of(1, 256), List.of(200), true);
        assertEquals(List.of(new Cell(Client.LOGGEN, Transport.TCP, 1, 200),
            new Cell(Client.LOGGEN, Transport.TCP, 256, 200)), cells);
    }

    @Test
    void shouldParseDurations() {
        assertEquals(Duration.ofSeconds(10), Durations.parse("10s"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMillis(2500), Durations.parse("2.5"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertTrue(Transport.TCP.lossless() && !Transport.UDP.lossless());
    }

    @Test
    void shouldTakeTheMedianOfFiniteLatencies() {
        assertEquals(300.0, AlertLatencyScenario.median(List.of(500.0, 300.0, 100.0)));
        assertEquals(200.0, AlertLatencyScenario.median(List.of(300.0, Double.NaN, 100.0)));
    }
}
