package org.hotdesk.sip.media;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** The UDP port range for RTP (even ports, as RFC 3550 recommends); a port in use is skipped. */
public final class RtpPorts {
    private final String host;
    private final int first;
    private final int last;
    private final AtomicInteger next;

    public RtpPorts(String host, int first, int last) {
        if (first < 1024 || last > 65534 || last - first < 2) {
            throw new IllegalArgumentException("RTP port range " + first + "-" + last + " must lie within 1024-65534");
        }
        this.host = host;
        this.first = first + (first % 2);
        this.last = last;
        this.next = new AtomicInteger(this.first);
    }

    public DatagramSocket open() {
        int span = (last - first) / 2 + 1;
        for (int tries = 0; tries < span; tries++) {
            int port = next.getAndUpdate(p -> p + 2 > last ? first : p + 2);
            try {
                return new DatagramSocket(new InetSocketAddress(host, port));
            } catch (IOException inUse) {
                // taken by another call or program: the next one
            }
        }
        throw new IllegalStateException("no free RTP port in " + first + "-" + last);
    }
}
