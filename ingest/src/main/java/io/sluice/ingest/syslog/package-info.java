/**
 * Syslog parsing: bytes of one frame in a ring slot, in place, into {@link io.sluice.core.Field} spans and
 * primitives. No String, no allocation, no exception on the hot path.
 *
 * <pre>
 *  source (tcp framing) --frame--> SyslogDecoder.decode(slot)        one instance per event-loop thread
 *                                    |-- "&lt;PRI&gt;digits SP" ?  Rfc5424Decoder --fail--> RAW
 *                                    |-- else                 Rfc3164Decoder --fail--> RAW (whole line = MESSAGE)
 *                                    '-- both use SyslogPriority, SyslogTimestamps, StructuredData.scan
 *  replay / HTTP API ----------------> StructuredData.parse(span)    allocates: maps for JSON
 * </pre>
 *
 * Conformance is checked against other parsers' test tables (go-syslog, EasyPost, rsyslog, syslog-ng) in
 * {@code SyslogCorpusTest}; where they disagree, the choice and the reason are in its allow-list.
 */
package io.sluice.ingest.syslog;
