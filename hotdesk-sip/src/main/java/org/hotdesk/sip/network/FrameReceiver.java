package org.hotdesk.sip.network;

/**
 * Called on a Netty I/O thread for every frame; must not block (the stack hands off to its workers). Frames of
 * one TCP/TLS connection come in order on one thread; UDP frames come on several threads at once.
 */
@FunctionalInterface
public interface FrameReceiver {
    void receive(Frame frame);
}
