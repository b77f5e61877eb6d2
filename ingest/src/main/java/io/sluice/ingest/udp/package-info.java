/**
 * Syslog over UDP (RFC 5426): one datagram, one message.
 *
 * <pre>
 *  datagram --Vert.x DatagramSocket (event loop)--> SyslogUdpSource.onDatagram
 *                                                     |-- strip trailing LF / CR / NUL
 *                                                     |-- ring.tryClaim(1) == -1 ?  drop, count eventsDropped
 *                                                     '-- copy (cut at maxDatagramBytes, flag truncated) into the
 *                                                         slot, SyslogDecoder.decode(slot), publish
 * </pre>
 *
 * Unlike the stream sources ({@code tcp}, {@code tls}) nothing here can push back on a sender: a full ring loses the
 * datagram, visibly, instead of stalling the event loop.
 */
package io.sluice.ingest.udp;
