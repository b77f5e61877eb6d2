package io.sluice.server.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.sluice.alerts.AlertsConfigFile;
import java.util.List;

/**
 * The YAML file as the user writes it ({@code --config sluice.yaml}): keys in kebab-case, every key optional,
 * unknown keys rejected by the loader. Example (every key, with its default):
 *
 * <pre>
 * data-dir: ./data
 * bind: 0.0.0.0
 * http: {port: 8080, max-body-bytes: 10485760, max-decompressed-bytes: 67108864, max-line-bytes: 1048576,
 *        backpressure-wait: 250ms, retry-after-seconds: 1}
 * auth: {tokens: []}
 * syslog:
 *   tcp: {port: 5514, max-frame-length: 65536, receive-buffer-bytes: 1048576, event-loops: 1, claim-batch: 256}
 *   udp: {port: 5514, receive-buffer-bytes: 1048576, max-datagram-bytes: 65536}
 *   tls: {port: 6514, cert: null, key: null, client-ca: null, reload-interval: 10s, engine: auto}
 * ring: {size: 4096, slot-bytes: 2048, wait-strategy: blocking}
 * journal: {fsync: false}
 * counters: {max-apps: 10000}
 * analyzers: {max-keys: 10000, stages: auto, latency: {json-fields: [duration_ms, "elapsed:s"], message-keys: [...],
 *             structured-data-params: [...], access-log-request-time: true, max-services: 1000, significant-digits: 2}}
 * alerts: {alertmanager: {url: ...}, webhooks: [{url: ...}], rules: [...]}   (see AlertsConfigFile)
 * </pre>
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record ConfigFile(String dataDir, String bind, Http http, Auth auth, Syslog syslog, Ring ring,
                         Journal journal, Counters counters, Analyzers analyzers, AlertsConfigFile alerts) {

    /** Per-dimension key cap of the analyzers (services, hosts, transports), and where latency is read. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Analyzers(Integer maxKeys, String stages, Latency latency) {
    }

    /** Field lists are {@code name} or {@code name:unit} (unit ns, us, ms, s; default ms). */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Latency(List<String> jsonFields, List<String> structuredDataParams, List<String> messageKeys,
                          Boolean accessLogRequestTime, Integer maxServices, Integer significantDigits) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Http(Integer port, Integer maxBodyBytes, Integer maxDecompressedBytes, Integer maxLineBytes,
                       String backpressureWait, Integer retryAfterSeconds, Long maxInflightBodyBytes) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Auth(List<String> tokens) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Syslog(Tcp tcp, Udp udp, Tls tls) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Tcp(Integer port, Integer maxFrameLength, Integer receiveBufferBytes, Integer eventLoops,
                      Integer claimBatch) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Udp(Integer port, Integer receiveBufferBytes, Integer maxDatagramBytes) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Tls(Integer port, String cert, String key, String clientCa, String reloadInterval, String engine,
                      Integer maxFrameLength) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Ring(Integer size, Integer slotBytes, String waitStrategy) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Journal(Boolean fsync, Boolean pretouch, Boolean dropBehind, Integer maxBatchEvents,
                          Integer maxBatchBytes) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Counters(Integer maxApps) {
    }
}
