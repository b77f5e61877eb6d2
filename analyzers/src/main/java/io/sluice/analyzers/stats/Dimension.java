package io.sluice.analyzers.stats;

/**
 * What an analyzer groups events by. In rule expressions: {@code service=}, {@code host=} (alias {@code source=}),
 * {@code transport=}.
 */
public enum Dimension {
    /** App-name (syslog APP-NAME, JSON {@code service}/{@code app}, OTLP {@code service.name}); "-" when absent. */
    SERVICE,
    /** The host that sent the event (syslog HOSTNAME, JSON {@code host}, OTLP {@code host.name}), else the peer IP. */
    HOST,
    /** tcp, udp, tls, http. */
    TRANSPORT
}
