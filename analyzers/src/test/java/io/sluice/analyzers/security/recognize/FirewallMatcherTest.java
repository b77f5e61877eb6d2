package io.sluice.analyzers.security.recognize;

import static io.sluice.analyzers.security.SecurityAction.FIREWALL_HIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.analyzers.security.AttackKind;
import org.junit.jupiter.api.Test;

class FirewallMatcherTest {
    private static final String K = "Nov 23 10:00:00 gw kernel: ";
    private static final String PACKET = "IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 SRC=198.51.100.7 "
        + "DST=203.0.113.5 LEN=44 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=51515 DPT=3389 WINDOW=1024 "
        + "RES=0x00 SYN URGP=0";

    @Test
    void shouldReadUfwBlocksIptablesAndNftablesLogLines() {
        expectHit(K + "[12345.678901] [UFW BLOCK] " + PACKET, "198.51.100.7", 3389);
        expectHit(K + "IPTABLES-DROP: " + PACKET, "198.51.100.7", 3389);
        expectHit(K + "nft drop: " + PACKET.replace("DPT=3389", "DPT=22"), "198.51.100.7", 22);
        expectHit(K + "[UFW BLOCK] IN=eth0 OUT= SRC=2001:db8::9 DST=2001:db8::1 LEN=80 PROTO=TCP SPT=4000 DPT=443",
            "2001:db8::9", 443);
    }

    @Test
    void shouldLeaveThePortAbsentForIcmp() {
        expectHit(K + "[UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.7 DST=203.0.113.5 LEN=84 PROTO=ICMP TYPE=8 CODE=0",
            "198.51.100.7", -1);
    }

    @Test
    void shouldNotCountTrafficUfwLetThrough() {
        assertNull(Recognized.line(K + "[UFW ALLOW] " + PACKET));
        assertNull(Recognized.line(K + "[UFW AUDIT] " + PACKET));
    }

    @Test
    void shouldNotReadOtherKernelLinesOrWordsEndingInSrc() {
        assertNull(Recognized.line(K + "eth0: link up, 1000Mbps, full-duplex"));
        assertNull(Recognized.line(K + "audit: XSRC=1.2.3.4 DST=5.6.7.8"));
        assertFalse(Recognized.line(K + "[UFW BLOCK] " + PACKET).isFailure(), "a firewall hit is not a failure");
    }

    private static void expectHit(String line, String ip, int port) {
        assertEquals(new Recognized(FIREWALL_HIT, ip, null, port, -1, AttackKind.NONE), Recognized.line(line), line);
    }
}
