package org.hotdesk.sip.stack;

import org.hotdesk.sip.message.SipResponse;

/** What a sender of a request hears back. Called on the worker that handles the request's Call-ID. */
public interface ResponseListener {
    /** Every answer, provisional and final; for an INVITE also 2xx answers repeated after the first (RFC 6026). */
    void onResponse(ClientTransaction transaction, SipResponse response);

    /**
     * No final answer came in time (Timer B or F), or the request could not be sent at all (RFC 3261 §8.1.3.1
     * treats a transport error like a timeout).
     */
    void onTimeout(ClientTransaction transaction);

    ResponseListener IGNORE = new ResponseListener() {
        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
        }
    };
}
