package io.sluice.server.config;

import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * The YAML file as the user writes it ({@code --config sluice.yaml}): keys in kebab-case, every key optional,
 * unknown keys rejected by the loader. Example:
 *
 * <pre>
 * data-dir: /var/lib/sluice
 * bind: 0.0.0.0
 * http: {port: 8080, max-body-bytes: 10485760, max-line-bytes: 1048576, backpressure-wait: 250ms}
 * auth: {tokens: [change-me-to-a-long-random-token]}
 * journal: {fsync: false}
 * syslog:
 *   tcp: {port: 5514, max-frame-length: 65536, receive-buffer-bytes: 1048576, event-loops: 1}
 * ring: {size: 65536, slot-bytes: 2048, wait-strategy: blocking}
 * counters: {max-apps: 10000}
 * </pre>
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record ConfigFile(String dataDir, String bind, Http http, Auth auth, Syslog syslog, Ring ring,
                         Journal journal, Counters counters) {

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Http(Integer port, Integer maxBodyBytes, Integer maxDecompressedBytes, Integer maxLineBytes,
                       String backpressureWait, Integer retryAfterSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Auth(java.util.List<String> tokens) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Journal(Boolean fsync) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Syslog(Tcp tcp) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Tcp(Integer port, Integer maxFrameLength, Integer receiveBufferBytes, Integer eventLoops,
                      Integer claimBatch) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Ring(Integer size, Integer slotBytes, String waitStrategy) {
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record Counters(Integer maxApps) {
    }
}
