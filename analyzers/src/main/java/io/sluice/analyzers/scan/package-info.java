/**
 * Allocation-free scanners over an event's byte spans: JSON keys by dotted path, RFC 5424 SD-PARAMs, key=value pairs,
 * access-log status and request time, durations with units. Each reports what it finds to a
 * {@link io.sluice.analyzers.scan.FieldVisitor} the caller implements, so nothing is created per event.
 */
package io.sluice.analyzers.scan;
