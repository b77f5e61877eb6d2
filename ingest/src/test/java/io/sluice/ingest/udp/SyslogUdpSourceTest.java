package io.sluice.ingest.udp;

import static io.sluice.ingest.RecordingStage.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.core.EpochClock;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import io.sluice.core.pipeline.EventPipeline;
import io.sluice.ingest.RecordingStage;
import io.sluice.ingest.SourceMetrics;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UDP source on a real loopback socket, feeding a real ring whose consumer records what it gets. */
class SyslogUdpSourceTest {
    private static final Path LOGGER = Path.of("/usr/bin/logger");

    private final RecordingStage recorder = new RecordingStage();
    private final SourceMetrics metrics = new SourceMetrics(Transport.UDP);
    private Vertx vertx;
    private EventPipeline pipeline;
    private SyslogUdpSource source;
    private DatagramSocket client;

    @BeforeEach
    void setUp() throws IOException {
        vertx = Vertx.vertx();
        client = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void tearDown() throws Exception {
        recorder.release();
        client.close();
        vertx.close().await(10, TimeUnit.SECONDS);
        if (pipeline != null) {
            pipeline.drainAndStop(Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldParseRfc5424AndRfc3164DatagramsWithTransportAndPeer() throws Exception {
        start(64, SyslogUdpSettings.defaults());
        send("<34>1 2026-11-23T10:00:00.123Z web01 su 4242 ID47 - su root failed");
        send("<13>Nov 23 10:00:00 web02 nginx[812]: GET / 200");

        LogEvent rfc5424 = recorder.awaitEvent(e -> "su".equals(e.fieldAsString(Field.APP_NAME)));
        assertEquals(Format.RFC5424, rfc5424.format());
        assertEquals("web01", rfc5424.fieldAsString(Field.HOSTNAME));
        assertEquals("su root failed", rfc5424.fieldAsString(Field.MESSAGE));
        assertEquals(4, rfc5424.facility());
        assertEquals(2, rfc5424.severity());
        assertEquals(Transport.UDP, rfc5424.transport());
        assertEquals("127.0.0.1:" + client.getLocalPort(), peerOf(rfc5424));

        LogEvent rfc3164 = recorder.awaitEvent(e -> "nginx".equals(e.fieldAsString(Field.APP_NAME)));
        assertEquals(Format.RFC3164, rfc3164.format());
        assertEquals("web02", rfc3164.fieldAsString(Field.HOSTNAME));
        assertEquals("GET / 200", rfc3164.fieldAsString(Field.MESSAGE));
        assertEquals(Transport.UDP, rfc3164.transport());
        assertEquals(2, metrics.eventsReceived.sum());
        assertEquals(0, metrics.eventsDropped.sum());
    }

    @Test
    void shouldStripTrailingLineFeedCarriageReturnAndNul() throws Exception {
        start(64, SyslogUdpSettings.defaults());
        send("<13>Nov 23 10:00:00 web01 cron[1]: job done\r\n\0");

        LogEvent event = recorder.awaitEvent(e -> "cron".equals(e.fieldAsString(Field.APP_NAME)));
        assertEquals("job done", event.fieldAsString(Field.MESSAGE));
        assertEquals("<13>Nov 23 10:00:00 web01 cron[1]: job done".length(), event.rawLength());
    }

    @Test
    void shouldCountDatagramsDroppedWhenRingIsFull() throws Exception {
        int ringSize = 4;
        start(ringSize, SyslogUdpSettings.defaults());
        recorder.hold(); // the consumer keeps the first slot: the ring holds 4 events and frees none
        int sent = 10;
        for (int i = 0; i < sent; i++) {
            send("<14>Nov 23 10:00:00 host app[1]: burst " + i);
        }

        // The event loop drops instead of waiting: every datagram is accounted for while the consumer is stuck.
        awaitCondition(() -> metrics.eventsReceived.sum() + metrics.eventsDropped.sum() == sent,
            () -> "received " + metrics.eventsReceived.sum() + ", dropped " + metrics.eventsDropped.sum());
        assertEquals(ringSize, metrics.eventsReceived.sum());
        assertEquals(sent - ringSize, metrics.eventsDropped.sum());

        recorder.release();
        recorder.awaitCount(ringSize);
        send("<14>Nov 23 10:00:00 host app[1]: after the burst");
        recorder.awaitEvent(e -> "after the burst".equals(e.fieldAsString(Field.MESSAGE)));
        assertEquals(sent - ringSize, metrics.eventsDropped.sum(), "room again: nothing more dropped");
        assertEquals("burst 0", recorder.events().get(0).fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldCutAndFlagAnOversizedDatagram() throws Exception {
        int max = 100;
        start(64, SyslogUdpSettings.defaults().withMaxDatagramBytes(max));
        String head = "<14>1 2026-11-23T10:00:00Z web01 app - - - ";
        String message = head + "x".repeat(300 - head.length());
        send(message);

        LogEvent event = recorder.awaitEvent(e -> "app".equals(e.fieldAsString(Field.APP_NAME)));
        assertTrue(event.isTruncated());
        assertEquals(max, event.rawLength());
        assertEquals(300, event.originalLength());
        assertEquals(message.substring(0, max), new String(event.raw(), 0, event.rawLength(),
            StandardCharsets.US_ASCII));
        assertEquals(1, metrics.framesTruncated.sum());
        assertEquals(200, metrics.truncatedBytes.sum());
    }

    @Test
    void shouldStoreWhatUtilLinuxLoggerSendsOverUdp() throws Exception {
        assumeTrue(Files.isExecutable(LOGGER), "util-linux logger not installed");
        start(64, SyslogUdpSettings.defaults());
        Process logger = new ProcessBuilder(LOGGER.toString(), "-n", "127.0.0.1", "-P",
            String.valueOf(source.actualPort()), "-d", "--rfc5424", "-t", "sluicetest", "-p", "auth.warning",
            "hello from logger").redirectErrorStream(true).start();
        assertTrue(logger.waitFor(10, TimeUnit.SECONDS), "logger did not finish");
        assertEquals(0, logger.exitValue(), new String(logger.getInputStream().readAllBytes()));

        LogEvent event = recorder.awaitEvent(e -> "sluicetest".equals(e.fieldAsString(Field.APP_NAME)));
        assertEquals(Format.RFC5424, event.format());
        assertEquals("hello from logger", event.fieldAsString(Field.MESSAGE));
        assertEquals(4, event.facility());
        assertEquals(4, event.severity());
        assertEquals(Transport.UDP, event.transport());
        assertFalse(event.isTruncated());
    }

    private void start(int ringSize, SyslogUdpSettings settings) throws Exception {
        pipeline = recorder.startPipeline(ringSize);
        source = new SyslogUdpSource(settings.withEndpoint("127.0.0.1", 0), pipeline.ring(), metrics,
            new EpochClock());
        vertx.deployVerticle(source).await(10, TimeUnit.SECONDS);
        assertTrue(source.actualPort() > 0);
    }

    private void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), source.actualPort()));
    }

    private static String peerOf(LogEvent event) {
        return new String(event.peer(), 0, event.peerLength(), StandardCharsets.US_ASCII);
    }
}
