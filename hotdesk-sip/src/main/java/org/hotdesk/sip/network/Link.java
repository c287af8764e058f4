package org.hotdesk.sip.network;

/** The way back to the sender of a received frame: the UDP socket it arrived on, or its TCP/TLS connection. */
public interface Link {
    /** The packet's real source (not what Via claims): what RFC 3261 §18.2.1 "received" and RFC 3581 "rport" record. */
    Peer peer();

    /** "udp" | "tcp" | "tls". */
    String transport();

    /** tcp/tls: the stack then does not retransmit (RFC 3261 §17.1.1.2). */
    boolean reliable();

    /**
     * Sends on the same connection, or from the same socket to {@link #peer()} (so a UDP answer leaves from the SIP
     * port, which NATs and RFC 3581 expect). Never throws; a failure is logged at DEBUG.
     */
    void send(byte[] frame);

    int localPort();
}
