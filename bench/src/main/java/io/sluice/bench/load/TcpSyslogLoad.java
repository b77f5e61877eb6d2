package io.sluice.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Syslog over TCP, newline-framed, from {@code connections} sockets driven by a few non-blocking selector threads
 * (half the cores, at least one: the server under test needs the rest). Each socket writes straight from one shared
 * direct buffer holding the {@link BodyPool} (its own view, its own start line), so sending costs a syscall per up
 * to {@link #CHUNK_BYTES} and nothing per event. At the end every socket completes the line it is in, so the
 * server never sees a partial line, and {@code sent = bytes written / frame size} exactly.
 *
 * <pre>java -cp bench/target/sluice-bench.jar io.sluice.bench.load.TcpSyslogLoad HOST PORT SECONDS CONNS SIZE [RATE]</pre>
 */
public final class TcpSyslogLoad {
    /** Most bytes one socket writes per turn: keeps 256 sockets fair without a syscall per line. */
    static final int CHUNK_BYTES = 256 * 1024;
    /** How long a socket may take to complete its last line once the time is up (a stalled server never reads). */
    static final long FINISH_TIMEOUT_NANOS = 30_000_000_000L;

    private TcpSyslogLoad() {
    }

    /**
     * Opens the sockets, sends for {@code durationNanos} (at {@code eventsPerSecond} across all sockets, 0 = as fast
     * as possible), completes and closes them.
     */
    public static LoadResult run(InetSocketAddress target, int connections, BodyPool pool, double eventsPerSecond,
                                 long durationNanos) throws IOException, InterruptedException {
        int threads = Math.min(connections, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        ByteBuffer shared = pool.direct();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int mine = connections / threads + (t < connections % threads ? 1 : 0);
            workers.add(new Worker(target, mine, t, shared, pool, eventsPerSecond * mine / connections));
        }
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong errors = new AtomicLong();
        List<Thread> running = new ArrayList<>();
        for (Worker w : workers) {
            w.connect();
        }
        long start = System.nanoTime();
        for (Worker w : workers) {
            Thread thread = new Thread(() -> w.drive(go, start, start + durationNanos, errors), "tcp-load-" + w.index);
            thread.start();
            running.add(thread);
        }
        go.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        long sent = 0;
        for (Worker w : workers) {
            sent += w.completedLines();
        }
        return new LoadResult(sent, (System.nanoTime() - start) / 1e9, 0, errors.get(), null);
    }

    /** One selector thread and its sockets. */
    private static final class Worker {
        final InetSocketAddress target;
        final int index;
        final ByteBuffer shared;
        final BodyPool pool;
        final double rate;
        final SocketChannel[] channels;
        final ByteBuffer[] views;
        final long[] written;
        Selector selector;

        Worker(InetSocketAddress target, int connections, int index, ByteBuffer shared, BodyPool pool, double rate) {
            this.target = target;
            this.index = index;
            this.shared = shared;
            this.pool = pool;
            this.rate = rate;
            this.channels = new SocketChannel[connections];
            this.views = new ByteBuffer[connections];
            this.written = new long[connections];
        }

        void connect() throws IOException {
            selector = Selector.open();
            for (int i = 0; i < channels.length; i++) {
                SocketChannel ch = SocketChannel.open(target);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                ByteBuffer view = shared.duplicate();
                view.position(((index * 131 + i * 37) % pool.lineCount()) * pool.frameBytes());
                channels[i] = ch;
                views[i] = view;
                ch.register(selector, SelectionKey.OP_WRITE, i);
            }
        }

        void drive(CountDownLatch go, long start, long deadline, AtomicLong errors) {
            try {
                go.await();
                Pacer pacer = new Pacer(rate, start);
                long frame = pool.frameBytes();
                long total = 0;
                long now;
                while ((now = System.nanoTime()) < deadline) {
                    long budget = pacer.unthrottled() ? Long.MAX_VALUE : pacer.due(now) * frame - total;
                    if (budget <= 0) {
                        LockSupport.parkNanos(50_000);
                        continue;
                    }
                    selector.select(5);
                    for (SelectionKey key : selector.selectedKeys()) {
                        if (budget > 0 && key.isValid()) {
                            int n = write((Integer) key.attachment(), (int) Math.min(CHUNK_BYTES, budget), errors);
                            total += n;
                            budget -= n;
                        }
                    }
                    selector.selectedKeys().clear();
                }
                selector.close();
                for (int i = 0; i < channels.length; i++) {
                    finish(i, errors);
                }
            } catch (IOException | InterruptedException e) {
                errors.incrementAndGet();
            }
        }

        private int write(int i, int max, AtomicLong errors) {
            ByteBuffer view = views[i];
            view.limit((int) Math.min(view.capacity(), (long) view.position() + max));
            try {
                int n = channels[i].write(view);
                if (view.position() == view.capacity()) {
                    view.limit(view.capacity()).position(0);
                }
                written[i] += n;
                return n;
            } catch (IOException e) {
                errors.incrementAndGet();
                channels[i].keyFor(selector).cancel();
                return 0;
            }
        }

        /**
         * Completes the line in progress (lines never straddle the pool's end), then closes the socket. A server that
         * stopped reading gets {@link #FINISH_TIMEOUT_NANOS}; then the socket is closed mid-line and counted as an
         * error (the partial line is not counted as sent).
         */
        private void finish(int i, AtomicLong errors) {
            SocketChannel ch = channels[i];
            try {
                int rest = (int) ((pool.frameBytes() - written[i] % pool.frameBytes()) % pool.frameBytes());
                ByteBuffer view = views[i];
                view.limit(view.position() + rest);
                long giveUp = System.nanoTime() + FINISH_TIMEOUT_NANOS;
                while (view.hasRemaining()) {
                    int n = ch.write(view);
                    written[i] += n;
                    if (n == 0) {
                        if (System.nanoTime() > giveUp) {
                            errors.incrementAndGet();
                            break;
                        }
                        LockSupport.parkNanos(1_000_000);
                    }
                }
                ch.shutdownOutput();
            } catch (IOException e) {
                errors.incrementAndGet();
            } finally {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing a failed socket: nothing more to learn
                }
            }
        }

        long completedLines() {
            long lines = 0;
            for (long w : written) {
                lines += w / pool.frameBytes();
            }
            return lines;
        }
    }

    public static void main(String[] args) throws Exception {
        SyslogLoadCommand.main("TcpSyslogLoad", args, TcpSyslogLoad::run);
    }
}
