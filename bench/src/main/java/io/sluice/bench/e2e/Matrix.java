package io.sluice.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cases of the load matrix: every transport x connections x size for the Java generator, and TCP only for
 * loggen (syslog-ng's generator; its UDP count could not be checked against what arrived). Without explicit
 * connection counts loggen runs at {@link #LOGGEN_DEFAULT_CONNECTIONS} only, to keep the default run short.
 */
public final class Matrix {
    public static final int LOGGEN_DEFAULT_CONNECTIONS = 4;
    /**
     * loggen's smallest message: its BSD header alone ({@code <38>2026-11-23T09:11:17 localhost prg00000[1234]: seq:
     * 0000000000, thread: 0000, runid: ..., stamp: ...}) is ~127 bytes; asked for less, it writes its messages with
     * no newline between them, a stream no syslog server can frame. Such sizes are skipped for loggen.
     */
    public static final int LOGGEN_MIN_SIZE = 128;

    /** Who generates the load. */
    public enum Client {
        JAVA, LOGGEN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How events reach Sluice. */
    public enum Transport {
        TCP, HTTP, UDP;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Transports where every event handed over must be stored: TCP flow control, HTTP durable acks. */
        public boolean lossless() {
            return this != UDP;
        }

        public static Transport of(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** One run of the matrix. */
    public record Cell(Client client, Transport transport, int connections, int messageBytes) {
    }

    private Matrix() {
    }

    /**
     * @param connectionsGiven whether the user named the connection counts (else loggen uses only 4)
     */
    public static List<Cell> expand(List<Client> clients, List<Transport> transports, List<Integer> connections,
                                    List<Integer> sizes, boolean connectionsGiven) {
        List<Cell> cells = new ArrayList<>();
        for (Client client : clients) {
            for (Transport transport : transports) {
                if (client == Client.LOGGEN && transport != Transport.TCP) {
                    continue;
                }
                List<Integer> conns = client == Client.LOGGEN && !connectionsGiven
                    ? List.of(LOGGEN_DEFAULT_CONNECTIONS) : connections;
                for (int c : conns) {
                    for (int size : sizes) {
                        if (client == Client.LOGGEN && size < LOGGEN_MIN_SIZE) {
                            continue;
                        }
                        cells.add(new Cell(client, transport, c, size));
                    }
                }
            }
        }
        return cells;
    }
}
