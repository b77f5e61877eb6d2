package io.sluice.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PeerTableTest {
    private final PeerTable table = new PeerTable();

    @Test
    void shouldFindWhatWasAddedUntilCleared() {
        add("10.0.0.1:40000");
        add("10.0.0.2:40000");

        assertEquals(1, indexOf("10.0.0.2:40000"));
        assertEquals(0, indexOf("10.0.0.1:40000"));
        assertEquals(-1, indexOf("10.0.0.3:40000"));
        assertArrayEquals(bytes("10.0.0.2:40000"), Arrays.copyOf(table.peer(1), table.length(1)));

        table.clear();
        assertEquals(0, table.size());
        assertEquals(-1, indexOf("10.0.0.1:40000"));
    }

    @Test
    void shouldTellApartPeersWithTheSameEndAndPeersShorterThanEightBytes() {
        add("192.168.1.7:514"); // the same last 8 bytes as the next two, and the same length as the second
        add("192.169.1.7:514");
        add("172.16.1.7:514");
        add("1:2");
        add("");

        assertEquals(0, indexOf("192.168.1.7:514"));
        assertEquals(1, indexOf("192.169.1.7:514"));
        assertEquals(2, indexOf("172.16.1.7:514"));
        assertEquals(3, indexOf("1:2"));
        assertEquals(4, indexOf(""));
        assertEquals(-1, indexOf("192.170.1.7:514"));
        assertEquals(-1, indexOf("10.16.1.7:514"));
        assertEquals(-1, indexOf("1:3"));
    }

    @Test
    void shouldAddNothingPastItsCapacity() {
        for (int i = 0; i < PeerTable.CAPACITY + 3; i++) {
            add("10.0.0." + i + ":1");
        }

        assertEquals(PeerTable.CAPACITY, table.size());
        assertEquals(PeerTable.CAPACITY - 1, indexOf("10.0.0." + (PeerTable.CAPACITY - 1) + ":1"));
        assertEquals(-1, indexOf("10.0.0." + PeerTable.CAPACITY + ":1"));
    }

    private void add(String peer) {
        byte[] bytes = bytes(peer);
        table.addIfRoom(bytes, bytes.length);
    }

    private int indexOf(String peer) {
        byte[] bytes = bytes(peer);
        return table.indexOf(Arrays.copyOf(bytes, 64), bytes.length); // as in a slot: a buffer longer than the peer
    }

    private static byte[] bytes(String peer) {
        return peer.getBytes(StandardCharsets.ISO_8859_1);
    }
}
