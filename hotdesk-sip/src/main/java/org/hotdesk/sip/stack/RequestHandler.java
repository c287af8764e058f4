package org.hotdesk.sip.stack;

/** Handles the requests of one method (see {@link SipStack#handle}). Runs on the worker of the request's Call-ID. */
@FunctionalInterface
public interface RequestHandler {
    void handle(ServerRequest request);
}
