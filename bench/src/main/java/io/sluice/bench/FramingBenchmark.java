package io.sluice.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.impl.buffer.VertxByteBufAllocator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost per frame of syslog stream framing ({@code io.sluice.ingest.tcp.SyslogFramer} + {@code FrameBatch}), driven
 * the way {@code SyslogTcpConnection.onData} drives it: each 64 KiB read is scanned in place in batches of
 * {@value #CLAIM_BATCH} frames (the default claim batch), and the frame cut by the end of a read is finished in a
 * small carry buffer. One op = one frame; an invocation is {@value #READS} reads of a continuous stream of 200-byte
 * lines, so most reads start and end mid-line. Ring claim, copy and decode are not part of it (ParserBenchmark,
 * RingHandoffBenchmark). Run with {@code -prof gc}: gc.alloc.rate.norm must stay ~0 B/op.
 *
 * <p>The reads are the buffer kind Vert.x hands a socket handler (its unsafe heap buffer): on a plain
 * {@code Unpooled.wrappedBuffer} the LF search ({@code ByteBuf.indexOf}) measured ~2.7x slower, so the kind matters.
 * The framer is package-private in the ingest module; it is reached through method handles resolved once into
 * constants, which the JIT inlines like direct calls.
 *
 * <pre>java -jar bench/target/sluice-bench.jar FramingBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FramingBenchmark {
    static final int READ_BYTES = 64 * 1024;
    static final int READS = 8;
    static final int CONTENT_BYTES = 200;
    static final int CLAIM_BATCH = 256;
    static final int MAX_FRAME_LENGTH = 64 * 1024;
    /** 8 x 64 KiB / 201 B ({@code MSG LF}); the last line takes the remainder. Checked at setup. */
    static final int LF_FRAMES = 2608;
    /** 8 x 64 KiB / 204 B ({@code "200 " MSG}); the last frame takes the remainder. Checked at setup. */
    static final int OCTET_FRAMES = 2570;

    private static final MethodHandle NEW_FRAMER;
    private static final MethodHandle NEW_BATCH;
    private static final MethodHandle SCAN;
    private static final MethodHandle COMMIT;
    private static final MethodHandle COUNT;
    private static final MethodHandle BYTES_TO_COMPLETE;

    static {
        try {
            Class<?> framer = Class.forName("io.sluice.ingest.tcp.SyslogFramer");
            Class<?> batch = Class.forName("io.sluice.ingest.tcp.FrameBatch");
            MethodHandles.Lookup tcp = MethodHandles.privateLookupIn(framer, MethodHandles.lookup());
            NEW_FRAMER = tcp.findConstructor(framer, MethodType.methodType(void.class, int.class))
                .asType(MethodType.methodType(Object.class, int.class));
            NEW_BATCH = tcp.findConstructor(batch, MethodType.methodType(void.class, int.class))
                .asType(MethodType.methodType(Object.class, int.class));
            SCAN = tcp.findVirtual(framer, "scan", MethodType.methodType(void.class, ByteBuf.class, batch))
                .asType(MethodType.methodType(void.class, Object.class, ByteBuf.class, Object.class));
            COMMIT = tcp.findVirtual(framer, "commit", MethodType.methodType(void.class, ByteBuf.class, batch,
                int.class)).asType(MethodType.methodType(void.class, Object.class, ByteBuf.class, Object.class,
                int.class));
            COUNT = tcp.findVirtual(batch, "count", MethodType.methodType(int.class))
                .asType(MethodType.methodType(int.class, Object.class));
            BYTES_TO_COMPLETE = tcp.findVirtual(framer, "bytesToComplete", MethodType.methodType(int.class,
                ByteBuf.class, ByteBuf.class)).asType(MethodType.methodType(int.class, Object.class, ByteBuf.class,
                ByteBuf.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ByteBuf[] lfReads = reads(stream(false));
    private final ByteBuf[] octetReads = reads(stream(true));
    private final ByteBuf carry = Unpooled.buffer(256); // as SyslogTcpConnection's
    private Object lfFramer;
    private Object octetFramer;
    private Object batch;

    @Setup
    public void setUp() throws Throwable {
        lfFramer = (Object) NEW_FRAMER.invokeExact(MAX_FRAME_LENGTH);
        octetFramer = (Object) NEW_FRAMER.invokeExact(MAX_FRAME_LENGTH);
        batch = (Object) NEW_BATCH.invokeExact(CLAIM_BATCH);
        for (int lap = 0; lap < 3; lap++) { // the stream must frame the same after wrapping around
            if (lfFramed() != LF_FRAMES || octetCounted() != OCTET_FRAMES || carry.isReadable()) {
                throw new IllegalStateException("frames per invocation do not match the stream");
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(LF_FRAMES)
    public int lfFramed() throws Throwable {
        return frameAll(lfFramer, lfReads);
    }

    @Benchmark
    @OperationsPerInvocation(OCTET_FRAMES)
    public int octetCounted() throws Throwable {
        return frameAll(octetFramer, octetReads);
    }

    private int frameAll(Object framer, ByteBuf[] reads) throws Throwable {
        int frames = 0;
        for (ByteBuf in : reads) {
            in.readerIndex(0); // a fresh read: Netty hands over a buffer with everything readable
            frames += onRead(framer, in);
        }
        return frames;
    }

    /** SyslogTcpConnection.onData without the ring: finish the carried frame, frame the read in place, carry the rest. */
    private int onRead(Object framer, ByteBuf in) throws Throwable {
        int frames = 0;
        while (carry.isReadable() && in.isReadable()) {
            carry.writeBytes(in, (int) BYTES_TO_COMPLETE.invokeExact(framer, carry, in));
            frames += drain(framer, carry);
        }
        if (carry.isReadable()) {
            carry.discardReadBytes();
            return frames;
        }
        carry.clear();
        frames += drain(framer, in);
        if (in.isReadable()) {
            carry.writeBytes(in);
        }
        return frames;
    }

    /** Scans and commits batch after batch, as if the ring always had room. */
    private int drain(Object framer, ByteBuf src) throws Throwable {
        int frames = 0;
        while (true) {
            SCAN.invokeExact(framer, src, batch);
            int found = (int) COUNT.invokeExact(batch);
            if (found == 0) {
                return frames;
            }
            COMMIT.invokeExact(framer, src, batch, found);
            frames += found;
        }
    }

    /** READS x READ_BYTES of back-to-back frames with 200-byte syslog lines; the last frame fills the remainder. */
    private static byte[] stream(boolean octetCounted) {
        byte[] stream = new byte[READS * READ_BYTES];
        int at = 0;
        int frameBytes = CONTENT_BYTES + (octetCounted ? 4 : 1);
        int frames = stream.length / frameBytes;
        for (int i = 0; i < frames; i++) {
            int content = i < frames - 1 ? CONTENT_BYTES : stream.length - at - (octetCounted ? 4 : 1);
            at = octetCounted ? frameOctet(stream, at, i, content) : frameLf(stream, at, i, content);
        }
        if (at != stream.length) {
            throw new IllegalStateException("stream does not end on a frame boundary: " + at);
        }
        return stream;
    }

    private static int frameLf(byte[] stream, int at, int n, int content) {
        int end = line(stream, at, n, content);
        stream[end] = '\n';
        return end + 1;
    }

    private static int frameOctet(byte[] stream, int at, int n, int content) {
        byte[] header = (content + " ").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, stream, at, header.length);
        return line(stream, at + header.length, n, content);
    }

    /** An RFC 5424 line numbered {@code n}, padded with text to exactly {@code length} bytes. */
    private static int line(byte[] stream, int at, int n, int length) {
        String head = "<165>1 2026-11-23T10:00:00.123456Z web-01.example.com nginx 4211 ACCESS - GET /api/v1/items?id="
            + n + " HTTP/1.1 200 1532 0.004 ";
        StringBuilder text = new StringBuilder(head);
        while (text.length() < length) {
            text.append('x');
        }
        byte[] bytes = text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, stream, at, length);
        return at + length;
    }

    private static ByteBuf[] reads(byte[] stream) {
        ByteBuf[] reads = new ByteBuf[READS];
        for (int i = 0; i < READS; i++) {
            // the buffer kind a NetSocket handler gets: Vert.x copies each read into one of these (VertxHandler)
            reads[i] = VertxByteBufAllocator.DEFAULT.heapBuffer(READ_BYTES).writeBytes(stream, i * READ_BYTES,
                READ_BYTES);
        }
        return reads;
    }
}
