package io.sluice.server.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain TCP syslog client for tests: LF-delimited or octet-counted (RFC 6587) frames. */
public final class SyslogSender implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final boolean octetCounted;

    public SyslogSender(int port, boolean octetCounted) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.octetCounted = octetCounted;
    }

    public void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (octetCounted) {
            out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
        } else {
            out.write(bytes);
            out.write('\n');
        }
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
        socket.close();
    }
}
