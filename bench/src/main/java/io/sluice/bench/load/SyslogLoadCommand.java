package io.sluice.bench.load;

import java.net.InetSocketAddress;

/**
 * The command line both syslog generators share: {@code HOST PORT SECONDS CONNS SIZE [RATE]}, bodies from the loghub
 * corpus (or synthetic lines), one result line on stdout.
 */
final class SyslogLoadCommand {
    /** A syslog generator: what {@link TcpSyslogLoad#run} and {@link UdpSyslogLoad#run} have in common. */
    @FunctionalInterface
    interface SyslogLoad {
        LoadResult run(InetSocketAddress target, int connections, BodyPool pool, double eventsPerSecond,
                       long durationNanos) throws Exception;
    }

    private SyslogLoadCommand() {
    }

    static void main(String name, String[] args, SyslogLoad load) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: " + name + " HOST PORT SECONDS CONNS SIZE [RATE]");
            System.exit(2);
        }
        BodyPool pool = BodyPool.build(BodyPool.Format.RFC3164, Integer.parseInt(args[4]),
            LoadSamples.load(LoadSamples.DEFAULT_CORPUS).samples());
        LoadResult r = load.run(new InetSocketAddress(args[0], Integer.parseInt(args[1])), Integer.parseInt(args[3]),
            pool, args.length > 5 ? Double.parseDouble(args[5]) : 0, (long) (Double.parseDouble(args[2]) * 1e9));
        System.out.printf("sent=%d secs=%.2f events_per_s=%.0f errors=%d%n", r.sent(), r.seconds(),
            r.sent() / r.seconds(), r.errors());
    }
}
