package io.sluice.ingest.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.sluice.core.EpochClock;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventRing;
import io.sluice.ingest.PeerAddress;
import io.sluice.ingest.SourceMetrics;
import io.sluice.ingest.syslog.SyslogDecoder;
import io.vertx.core.Vertx;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * One syslog stream connection (plain TCP, or TLS after the handshake): frames its bytes, copies each frame into a
 * claimed ring slot, parses it there and publishes the batch. Events carry the transport of the metrics they are
 * counted in.
 *
 * <p>Frames are read in place from the buffer Netty read into (its pooled buffer, not Vert.x's per-read heap copy:
 * that copy was the hottest allocation of the ingest path); only a frame split across two reads is assembled in a
 * small carry buffer. When the ring has no free slot the socket is paused (the kernel's window then slows the sender), the
 * unread bytes wait in the carry buffer, and a 1 ms timer retries; nothing is dropped and nothing grows without
 * bound. Runs only on the connection's event loop.
 */
final class SyslogTcpConnection {
    private static final long RETRY_DELAY_MS = 1;
    private static final long QUIET_CHECK_MS = 100;

    private final NetSocket socket;
    private final Channel channel;
    private final Vertx vertx;
    private final EventRing ring;
    private final SourceMetrics metrics;
    private final Transport transport;
    private final EpochClock clock;
    private final SyslogFramer framer;
    private final FrameBatch batch;
    private final SyslogDecoder decoder = new SyslogDecoder();
    private final byte[] peer;
    private final Runnable onFinished;
    private final ByteBuf carry = Unpooled.buffer(256);
    /** Free slots a paused connection waits for before it tries again (see {@link #retry}). */
    private final long retryCapacity;
    private long lastFramingErrors;
    private boolean paused;
    private boolean closed;
    private boolean finished;
    /** Reads and publish retries so far: a connection is quiet when this did not move for a check interval. */
    private long activity;

    SyslogTcpConnection(NetSocket socket, Vertx vertx, EventRing ring, SourceMetrics metrics, EpochClock clock,
                        int maxFrameLength, int claimBatch, Runnable onFinished) {
        this.socket = socket;
        this.channel = ((NetSocketInternal) socket).channelHandlerContext().channel();
        this.vertx = vertx;
        this.ring = ring;
        this.metrics = metrics;
        this.transport = metrics.transport();
        this.clock = clock;
        this.framer = new SyslogFramer(maxFrameLength);
        this.batch = new FrameBatch(Math.min(claimBatch, ring.bufferSize())); // a claim cannot exceed the ring
        this.retryCapacity = Math.max(1, Math.min(claimBatch, ring.bufferSize() / 4));
        this.peer = PeerAddress.ascii(socket.remoteAddress());
        this.onFinished = onFinished;
    }

    void start() {
        metrics.connectionsOpened.increment();
        metrics.connectionsActive.incrementAndGet();
        // Raw ByteBufs instead of Buffers: Vert.x would copy every read onto the heap first (see onMessage).
        ((NetSocketInternal) socket).messageHandler(this::onMessage);
        socket.exceptionHandler(error -> metrics.connectionErrors.increment());
        socket.endHandler(ignored -> onEnd());
        socket.closeHandler(ignored -> onClose());
        socket.shutdownHandler(grace -> whenQuiet(socket::close));
    }

    /** A message from the pipeline: the read buffer, which is ours to release once its bytes are framed or carried. */
    private void onMessage(Object message) {
        try {
            if (message instanceof ByteBuf in) {
                onData(in);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void onData(ByteBuf in) {
        activity++;
        metrics.bytesReceived.add(in.readableBytes());
        if (paused) {
            carry.writeBytes(in); // only what was already in flight when we paused
            return;
        }
        while (carry.isReadable() && in.isReadable()) {
            carry.writeBytes(in, framer.bytesToComplete(carry, in));
            if (!drain(carry)) {
                carry.writeBytes(in);
                pause();
                return;
            }
        }
        if (carry.isReadable()) {
            carry.discardReadBytes();
            return; // the carried frame is still incomplete and this read is used up
        }
        carry.clear();
        if (!drain(in)) {
            carry.writeBytes(in);
            pause();
            return;
        }
        if (in.isReadable()) {
            carry.writeBytes(in);
        }
    }

    /** Publishes every complete frame in {@code src}; false if the ring filled up first (the rest stays unread). */
    private boolean drain(ByteBuf src) {
        while (true) {
            framer.scan(src, batch);
            int found = batch.count();
            if (found == 0) {
                countFramingErrors();
                return true;
            }
            int published = publish(src, found);
            framer.commit(src, batch, published);
            if (published < found) {
                return false;
            }
        }
    }

    private int publish(ByteBuf src, int wanted) {
        int n = wanted;
        long hi = ring.tryClaim(n);
        if (hi < 0) {
            n = (int) Math.min(n, ring.remainingCapacity());
            hi = n > 0 ? ring.tryClaim(n) : -1;
            if (hi < 0) {
                return 0;
            }
        }
        long lo = hi - n + 1;
        long now = clock.epochNanos();
        int parseFailures = 0;
        for (int i = 0; i < n; i++) {
            LogEvent event = ring.slot(lo + i);
            fill(event, src, i, now);
            if (event.format() == Format.RAW) {
                parseFailures++;
            }
        }
        ring.publish(lo, hi);
        metrics.eventsReceived.add(n);
        if (parseFailures > 0) {
            metrics.parseFailures.add(parseFailures);
        }
        return n;
    }

    private void fill(LogEvent event, ByteBuf src, int frame, long receivedAtNanos) {
        int length = batch.length(frame);
        src.getBytes(batch.start(frame), event.ensureRawCapacity(length), 0, length);
        event.setRawLength(length);
        event.setTransport(transport);
        event.setPeer(peer, peer.length);
        event.setReceivedAtNanos(receivedAtNanos);
        int original = batch.originalLength(frame);
        if (original > length) {
            event.markTruncated(original);
            metrics.framesTruncated.increment();
            metrics.truncatedBytes.add(original - length);
        }
        decoder.decode(event);
    }

    private void countFramingErrors() {
        long errors = framer.framingErrors();
        if (errors != lastFramingErrors) {
            metrics.framingErrors.add(errors - lastFramingErrors);
            lastFramingErrors = errors;
        }
    }

    private void pause() {
        if (!paused) {
            paused = true;
            socket.pause();
            // Vert.x's pause only stops delivery: Netty keeps reading into its queues until they hold 8+ reads per
            // connection, which across 256 paused connections exhausted direct memory and stalled the event loop.
            // Stop reading at the channel, so the kernel's receive window is what pushes back.
            channel.config().setAutoRead(false);
            metrics.backpressurePauses.increment();
        }
        vertx.setTimer(RETRY_DELAY_MS, id -> retry());
    }

    /**
     * Keeps trying until the carried bytes are published, then resumes reading, even after the channel closed: Vert.x
     * may still hold bytes it read before the close, and delivers them (and the end of the stream) on resume.
     */
    private void retry() {
        activity++; // still publishing what was read: not quiet, even though nothing is being read
        if (ring.remainingCapacity() < retryCapacity) {
            // The consumers have not made room yet. Rescanning the carried frames now would only fail again, and with
            // hundreds of paused connections those futile scans took the whole event loop (measured: 256 connections
            // stored 27 k events/s at 131 CPU-seconds).
            vertx.setTimer(RETRY_DELAY_MS, id -> retry());
            return;
        }
        if (!drain(carry)) {
            vertx.setTimer(RETRY_DELAY_MS, id -> retry());
            return;
        }
        carry.discardReadBytes();
        paused = false;
        channel.config().setAutoRead(true);
        socket.resume();
        if (closed) {
            finishSoon();
        }
    }

    /**
     * Runs {@code action} once the connection has been quiet for a check interval: used to close on a graceful stop
     * and to finish after a close. A connection that was paused or publishing its backlog in that moment is not
     * quiet: right after a resume the kernel (or Vert.x) may still hold bytes not delivered yet.
     */
    private void whenQuiet(Runnable action) {
        long seen = activity;
        vertx.setTimer(QUIET_CHECK_MS, id -> {
            if (activity == seen && !paused) {
                action.run();
            } else {
                whenQuiet(action);
            }
        });
    }

    /** The peer ended the stream and every byte before the end was delivered to {@link #onData}. */
    private void onEnd() {
        if (!paused) {
            finish();
        }
    }

    /**
     * The channel closed. Normally the end of stream follows through {@link #onEnd}, after any data Vert.x still
     * queues; after a reset there is no end, so finish once the queue had a moment to drain.
     */
    private void onClose() {
        if (!closed) {
            closed = true;
            metrics.connectionsActive.decrementAndGet();
            if (!paused) {
                finishSoon();
            }
        }
    }

    /**
     * After a close, Vert.x may still deliver bytes it had queued: finishing (which publishes a carried partial line)
     * before they arrived would split that line in two. So wait until nothing moved for a check interval.
     */
    private void finishSoon() {
        whenQuiet(this::finish);
    }

    /** The peer is gone and everything it sent is in the ring. */
    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        flushPartialFrame();
        onFinished.run();
    }

    /** A sender that closes mid-line still sent that line: publish what we have rather than lose it. */
    private void flushPartialFrame() {
        if (!carry.isReadable() || framer.mode() != SyslogFramer.MODE_LF) {
            return; // nothing left, or an incomplete octet-counted frame: its header promised more than came
        }
        carry.writeByte('\n');
        if (!drain(carry)) {
            metrics.connectionErrors.increment(); // ring full at the very end: the last partial line is lost
        }
        carry.clear();
    }

}
