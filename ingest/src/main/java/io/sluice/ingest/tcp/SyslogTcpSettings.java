package io.sluice.ingest.tcp;

/**
 * What a user configures for the syslog TCP listener.
 *
 * @param host               address to bind
 * @param port               port to bind; 0 picks a free one
 * @param maxFrameLength     longest message kept whole; longer frames are cut and dead-lettered
 * @param receiveBufferBytes socket receive buffer (SO_RCVBUF) asked of the kernel; 0 = the kernel's autotuning
 * @param eventLoops         listener instances sharing the port, one event loop each
 * @param claimBatch         most frames published with one ring claim
 */
public record SyslogTcpSettings(String host, int port, int maxFrameLength, int receiveBufferBytes, int eventLoops,
                                int claimBatch) {
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 5514;
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024;
    /**
     * 0: leave SO_RCVBUF to the kernel's autotuning. A fixed size also makes Vert.x read with a buffer that large
     * (FixedRecvByteBufAllocator): with 1 MiB, 256 busy connections held up to 256 MiB of read buffers and their
     * carried tails, and the heap ran out (./sluice bench e2e, 2 KiB messages).
     */
    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 0;
    /** One loop beat two on a 2-core machine (the ring's consumers need the other core). */
    public static final int DEFAULT_EVENT_LOOPS = 1;
    public static final int DEFAULT_CLAIM_BATCH = 256;

    public SyslogTcpSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxFrameLength < 16) {
            throw new IllegalArgumentException("max frame length must be >= 16, got " + maxFrameLength);
        }
        if (eventLoops < 1 || claimBatch < 1 || receiveBufferBytes < 0) {
            throw new IllegalArgumentException("event loops and claim batch must be positive, receive buffer >= 0");
        }
    }

    public static SyslogTcpSettings defaults() {
        return new SyslogTcpSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_FRAME_LENGTH,
            DEFAULT_RECEIVE_BUFFER_BYTES, DEFAULT_EVENT_LOOPS, DEFAULT_CLAIM_BATCH);
    }

    public SyslogTcpSettings withEndpoint(String newHost, int newPort) {
        return new SyslogTcpSettings(newHost, newPort, maxFrameLength, receiveBufferBytes, eventLoops, claimBatch);
    }
}
