/**
 * Syslog over TLS (RFC 5425), with certificates that change without a restart.
 *
 * <pre>
 *  client --TLS handshake (TlsEngine: OpenSSL/BoringSSL, else JDK)--> NetServer
 *         --decrypted stream--> tcp.SyslogConnections --> same framing, parsing and backpressure as syslog over TCP,
 *                                                          events tagged Transport.TLS
 *
 *  every reloadInterval, and on SyslogTlsSource.reload() (SIGHUP):
 *    CertificateFiles.stamp() changed?  (mtime, size, inode)   -- worker thread, no I/O on the event loop
 *      '-- CertificateFiles.load(): read PEMs, key matches certificate?, CA bundle parses?
 *            ok     --> NetServer.updateSSLOptions: new handshakes get the new certificate
 *            broken --> keep serving the old one; count certificateReloadFailures, warn once per broken set
 * </pre>
 *
 * With a client CA bundle configured, clients must present a certificate it signed (mutual TLS); failed handshakes
 * are counted in {@code SourceMetrics.handshakeFailures}.
 */
package io.sluice.ingest.tls;
