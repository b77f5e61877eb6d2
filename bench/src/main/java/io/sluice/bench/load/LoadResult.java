package io.sluice.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What a generator did: events it handed over completely (TCP: whole lines written; UDP: datagrams sent; HTTP:
 * events the server acknowledged with 200), over how long, and what went wrong.
 *
 * @param sent           events handed over (the number a stored == sent check compares against)
 * @param seconds        from the first send to the last connection closed
 * @param rejected       HTTP only: events in requests the server refused (503 under backpressure, ...); not stored
 * @param errors         requests or connections that failed outright
 * @param ackLatencyUs   HTTP only: request -> 200 latency in microseconds (the durable acknowledgement); else null
 */
public record LoadResult(long sent, double seconds, long rejected, long errors, Histogram ackLatencyUs) {
}
