package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.StructuredData;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.support.TestServers;
import io.sluice.storage.JournalQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real client others wrote: Log4j2's SyslogAppender (RFC 5424 over TCP), configured the way an application
 * configures it. The stored events carry the app-name, message id and structured data the client sent.
 */
class Log4j2SyslogAppenderIT {
    @TempDir
    Path dataDir;

    @TempDir
    Path configDir;

    @Test
    void shouldStoreAppNameAndStructuredDataSentByLog4j2() throws Exception {
        SluiceConfig config = TestServers.loopback(dataDir);
        try (SluiceServer server = SluiceServer.start(config)) {
            Path log4jConfig = configDir.resolve("log4j2-syslog.xml");
            Files.writeString(log4jConfig, """
                <Configuration status="WARN">
                  <Appenders>
                    <Syslog name="sluice" host="127.0.0.1" port="%d" protocol="TCP" format="RFC5424"
                            appName="payments" facility="LOCAL0" id="audit" enterpriseNumber="32473"
                            includeMDC="true" mdcId="mdc" messageId="Audit" newLine="true"
                            connectTimeoutMillis="5000" immediateFlush="true"/>
                  </Appenders>
                  <Loggers>
                    <Root level="info"><AppenderRef ref="sluice"/></Root>
                  </Loggers>
                </Configuration>
                """.formatted(server.port("syslog-tcp")));
            LoggerContext context = Configurator.initialize("sluice-it", null, log4jConfig.toUri());
            try {
                Logger log = context.getLogger("io.sluice.it.Payments");
                ThreadContext.put("requestId", "req-7");
                StructuredDataMessage order = new StructuredDataMessage("order@32473", "order placed", "Order");
                order.put("orderId", "42");
                order.put("amount", "9.99");
                log.warn(order);
                log.error("card declined for order 43");
                ThreadContext.clearAll();
            } finally {
                Configurator.shutdown(context);
            }
        }

        List<LogEvent> events = TestServers.stored(dataDir, JournalQueue.JOURNAL);
        assertEquals(2, events.size(), events::toString);
        for (LogEvent e : events) {
            assertEquals(Format.RFC5424, e.format(), e::toString);
            assertEquals("payments", e.fieldAsString(Field.APP_NAME));
            assertEquals(16, e.facility(), "LOCAL0");
        }
        LogEvent order = events.get(0);
        assertEquals(4, order.severity(), "WARN maps to warning");
        assertEquals("Order", order.fieldAsString(Field.MSG_ID));
        assertEquals("order placed", order.fieldAsString(Field.MESSAGE));
        Map<String, Map<String, String>> sd = StructuredData.parse(order.raw(), order.spanOffset(Field.STRUCTURED_DATA),
            order.spanLength(Field.STRUCTURED_DATA));
        assertEquals(Map.of("orderId", "42", "amount", "9.99"), sd.get("order@32473"), sd::toString);
        assertEquals("req-7", sd.get("mdc@32473").get("requestId"), sd::toString);

        LogEvent declined = events.get(1);
        assertEquals(3, declined.severity(), "ERROR maps to err");
        assertEquals("Audit", declined.fieldAsString(Field.MSG_ID));
        assertTrue(declined.fieldAsString(Field.MESSAGE).contains("card declined for order 43"));
    }
}
