/**
 * Load generators for Sluice's listeners: {@link io.sluice.bench.load.TcpSyslogLoad} (non-blocking NIO, a few
 * selector threads for up to hundreds of sockets), {@link io.sluice.bench.load.UdpSyslogLoad} and
 * {@link io.sluice.bench.load.HttpNdjsonLoad} (durable-ack latency). All send from a
 * {@link io.sluice.bench.load.BodyPool} built before the run from the loghub corpus
 * ({@link io.sluice.bench.load.CorpusReader}): fixed-size lines, so a generator does no per-event work beyond the
 * syscall, and an optional fixed rate ({@link io.sluice.bench.load.Pacer}). Each also runs alone from its
 * {@code main}.
 */
package io.sluice.bench.load;
