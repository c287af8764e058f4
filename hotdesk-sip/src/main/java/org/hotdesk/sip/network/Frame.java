package org.hotdesk.sip.network;

/**
 * One received message, framed: a datagram, or one message cut from a stream by its Content-Length
 * (RFC 3261 §18.3). The bytes are the receiver's own: nothing else holds them.
 */
public record Frame(byte[] bytes, Link link) {
}
