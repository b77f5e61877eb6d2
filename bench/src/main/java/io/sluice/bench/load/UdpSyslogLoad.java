package io.sluice.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * Syslog over UDP: one line per datagram (no {@code '\n'}), round-robin over {@code sockets} connected datagram
 * sockets from one thread, straight out of the pool's direct buffer. UDP cannot push back: what the server's socket
 * buffer or ring cannot take is dropped, so {@code sent} is what left this process, not what arrived.
 *
 * <pre>java -cp bench/target/sluice-bench.jar io.sluice.bench.load.UdpSyslogLoad HOST PORT SECONDS SOCKETS SIZE [RATE]</pre>
 */
public final class UdpSyslogLoad {
    private UdpSyslogLoad() {
    }

    public static LoadResult run(InetSocketAddress target, int sockets, BodyPool pool, double eventsPerSecond,
                                 long durationNanos) throws IOException {
        DatagramChannel[] channels = new DatagramChannel[sockets];
        long errors = 0;
        long sent = 0;
        try {
            for (int i = 0; i < sockets; i++) {
                channels[i] = DatagramChannel.open().connect(target);
            }
            ByteBuffer view = pool.direct();
            int frame = pool.frameBytes();
            int lines = pool.lineCount();
            long start = System.nanoTime();
            long deadline = start + durationNanos;
            Pacer pacer = new Pacer(eventsPerSecond, start);
            int line = 0;
            long now;
            while ((now = System.nanoTime()) < deadline) {
                if (sent >= pacer.due(now)) {
                    LockSupport.parkNanos(50_000);
                    continue;
                }
                // check the clock every 64 datagrams only: a syscall each is the cost we want to measure
                for (int burst = 0; burst < 64 && sent < pacer.due(now); burst++) {
                    view.limit(line * frame + pool.messageBytes()).position(line * frame);
                    try {
                        channels[(int) (sent % sockets)].write(view);
                        sent++;
                    } catch (IOException e) {
                        errors++;
                    }
                    line = line + 1 == lines ? 0 : line + 1;
                }
            }
            return new LoadResult(sent, (System.nanoTime() - start) / 1e9, 0, errors, null);
        } finally {
            for (DatagramChannel ch : channels) {
                if (ch != null) {
                    ch.close();
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        SyslogLoadCommand.main("UdpSyslogLoad", args, UdpSyslogLoad::run);
    }
}
