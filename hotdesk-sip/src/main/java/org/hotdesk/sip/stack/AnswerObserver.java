package org.hotdesk.sip.stack;

/**
 * Told of the first answer sent to each received request (metrics): for a request this server handles itself that
 * is its final answer; for an INVITE it relays, the callee's first answer, usually 180 Ringing. Called on the thread
 * that sends, so it must be quick.
 */
@FunctionalInterface
public interface AnswerObserver {
    AnswerObserver NONE = (method, status, nanos) -> { };

    /** @param nanos from reading the request off the network to sending this answer */
    void answered(String method, int status, long nanos);
}
