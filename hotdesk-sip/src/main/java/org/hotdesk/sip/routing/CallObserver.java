package org.hotdesk.sip.routing;

/** What the proxy reports about a call it relays: the router turns it into the call record. */
interface CallObserver {
    void answered(Target target);

    void failed(int status);

    void cancelled();

    CallObserver NONE = new CallObserver() {
        public void answered(Target target) {
        }

        public void failed(int status) {
        }

        public void cancelled() {
        }
    };
}
