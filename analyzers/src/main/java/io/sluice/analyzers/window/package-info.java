/**
 * Keyed state over time windows, shared by the analyzers: {@link io.sluice.analyzers.window.ByteKeyIndex} gives each
 * key (a byte span) a dense id under a cap, "other" past it; {@link io.sluice.analyzers.window.PairCounterRing} and
 * {@link io.sluice.analyzers.window.HistogramRing} keep per-key buckets of counts and HdrHistograms that windows are
 * summed from; {@link io.sluice.analyzers.window.DimensionKeys} resolves an event's key ids once for every counter on
 * its thread. One writer thread each; readers anywhere (release/acquire ordering, see each class).
 */
package io.sluice.analyzers.window;
