package io.sluice.bench.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured run: the {@code runs[]} element of the results file ({@link #toJson} writes exactly that shape), plus
 * what the table and the notes show beside it ({@code drainSeconds}, {@code rejected}, {@code errors}, and
 * {@code rssAnonBytes}: heap and other anonymous memory at the end of the drain, since the peak RSS also counts the
 * journal's memory-mapped file pages).
 *
 * <p>{@code sent} and {@code stored} cover the whole life of the server (warm-up included), so {@code lost} and
 * {@code storedEqualsSent} account for every event; the rates cover the measured phase only.
 */
public record RunRecord(String client, String transport, int connections, int messageBytes, double durationSeconds,
                        long targetRate, long sent, long stored, long droppedByServer, double eventsPerSecond,
                        double serverCpuSeconds, long storedMeasured, long rssPeakBytes, long journalBytes,
                        LatencyMs journalLatencyMs, LatencyMs ackLatencyMs, Boolean storedEqualsSent,
                        double drainSeconds, long rejected, long errors, long deadLettered, long rssAnonBytes) {

    public long lost() {
        return sent - stored;
    }

    public double megabytesPerSecond() {
        return eventsPerSecond * messageBytes / 1e6;
    }

    public double eventsPerCpuSecond() {
        return serverCpuSeconds > 0 ? storedMeasured / serverCpuSeconds : 0;
    }

    public long bytesPerMillionEvents() {
        return stored > 0 ? Math.round(journalBytes * 1e6 / stored) : 0;
    }

    /** "java tcp 4 conns 200 B" */
    public String label() {
        return client + " " + transport + " " + connections + " conns " + messageBytes + " B"
            + (targetRate > 0 ? " at " + targetRate + "/s" : "");
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", client);
        m.put("transport", transport);
        m.put("connections", connections);
        m.put("messageBytes", messageBytes);
        m.put("durationSeconds", round(durationSeconds, 2));
        m.put("targetRate", targetRate);
        m.put("sent", sent);
        m.put("stored", stored);
        m.put("lost", lost());
        m.put("droppedByServer", droppedByServer);
        m.put("eventsPerSecond", round(eventsPerSecond, 0));
        m.put("megabytesPerSecond", round(megabytesPerSecond(), 2));
        m.put("serverCpuSeconds", round(serverCpuSeconds, 2));
        m.put("eventsPerCpuSecond", round(eventsPerCpuSecond(), 0));
        m.put("rssPeakBytes", rssPeakBytes);
        m.put("journalBytes", journalBytes);
        m.put("bytesPerMillionEvents", bytesPerMillionEvents());
        m.put("journalLatencyMs", journalLatencyMs == null ? null : journalLatencyMs.toJson());
        m.put("ackLatencyMs", ackLatencyMs == null ? null : ackLatencyMs.toJson());
        m.put("storedEqualsSent", storedEqualsSent);
        return m;
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }

    /** The markdown header matching {@link #tableRow}. */
    public static String tableHeader() {
        return "| client | transport | conns | size B | rate/s | sent | stored | lost | dropped | events/s | MB/s "
            + "| drain s | CPU s | events/CPU-s | RSS peak MiB | anon MiB | journal B/M ev | journal p50/p99/p99.9/max ms "
            + "| ack p50/p99/max ms | stored==sent |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    public String tableRow() {
        return String.format("| %s | %s | %d | %d | %s | %d | %d | %d | %d | %.0f | %.1f | %.2f | %.1f | %.0f | %d "
                + "| %d | %d | %s | %s | %s |", client, transport, connections, messageBytes,
            targetRate > 0 ? Long.toString(targetRate) : "max", sent, stored, lost(), droppedByServer,
            eventsPerSecond, megabytesPerSecond(), drainSeconds, serverCpuSeconds, eventsPerCpuSecond(),
            rssPeakBytes >> 20, rssAnonBytes >> 20, bytesPerMillionEvents(), latency(journalLatencyMs, true),
            latency(ackLatencyMs, false), storedEqualsSent == null ? "n/a (udp)" : storedEqualsSent ? "yes" : "**NO**");
    }

    private static String latency(LatencyMs l, boolean all) {
        if (l == null) {
            return "-";
        }
        return all ? String.format("%.2f / %.2f / %.2f / %.2f", l.p50(), l.p99(), l.p999(), l.max())
            : String.format("%.1f / %.1f / %.1f", l.p50(), l.p99(), l.max());
    }
}
