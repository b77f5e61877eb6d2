package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.recognize.AsciiBytes.NOT_FOUND;
import static io.sluice.analyzers.security.recognize.AsciiBytes.indexOf;

import io.sluice.analyzers.security.SecurityAction;
import io.sluice.analyzers.security.SecuritySignal;

/**
 * Netfilter LOG lines (iptables, nftables, UFW; the kernel writes them the same way): {@code [prefix] IN=eth0 OUT=
 * MAC=... SRC=198.51.100.7 DST=203.0.113.5 ... PROTO=TCP SPT=51515 DPT=22 ...} become
 * {@link SecurityAction#FIREWALL_HIT} with the source and the destination port (absent for ICMP).
 *
 * <p>UFW's {@code [UFW ALLOW]} and {@code [UFW AUDIT]} lines log traffic the firewall let through (audit of allowed
 * or new connections), not a block: they are not recognized, so a port-scan detector counts only what was refused.
 * Any other prefix ({@code [UFW BLOCK]}, {@code IPTABLES-DROP:}, {@code nft drop:}, none) counts: a rule that logs
 * usually precedes a drop. Thread contract: stateless; allocation-free.
 */
final class FirewallMatcher {
    private static final byte[] SRC = AsciiBytes.of("SRC=");
    private static final byte[] DST = AsciiBytes.of(" DST=");
    private static final byte[] DPT = AsciiBytes.of(" DPT=");
    private static final byte[] UFW_ALLOW = AsciiBytes.of("[UFW ALLOW]");
    private static final byte[] UFW_AUDIT = AsciiBytes.of("[UFW AUDIT");

    /** Recognizes the kernel line {@code b[from, to)}. */
    boolean match(byte[] b, int from, int to, SecuritySignal out) {
        int src = indexOf(b, from, to, SRC);
        if (src == NOT_FOUND || (src > from && b[src - 1] != ' ') || indexOf(b, src, to, DST) == NOT_FOUND) {
            return false;
        }
        if (indexOf(b, from, src, UFW_ALLOW) != NOT_FOUND || indexOf(b, from, src, UFW_AUDIT) != NOT_FOUND) {
            return false;
        }
        if (SourceHost.capture(b, src + SRC.length, to, out) == NOT_FOUND) {
            return false;
        }
        int dpt = indexOf(b, src, to, DPT);
        if (dpt != NOT_FOUND) {
            int port = AsciiBytes.parseDigits(b, dpt + DPT.length, to);
            if (port != NOT_FOUND && port <= 65535) {
                out.destinationPort(port);
            }
        }
        out.action(SecurityAction.FIREWALL_HIT);
        return true;
    }
}
