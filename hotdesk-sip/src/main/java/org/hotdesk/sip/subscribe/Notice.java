package org.hotdesk.sip.subscribe;

/**
 * One NOTIFY to send inside a subscription.
 *
 * @param ending the subscription ends with it ({@code Subscription-State: terminated}); null while it goes on
 *               ({@code active}, with the time left)
 * @param body   the package's state now
 */
record Notice(Ending ending, String body) {
    /** Why a subscription ended, as {@code Subscription-State} writes it (RFC 6665 §4.2.2). */
    enum Ending {
        /** The subscriber asked (Expires: 0): plain {@code terminated}. */
        UNSUBSCRIBED("terminated"),
        /** Its time ran out, or it was a fetch (Expires: 0 on a new subscription). */
        TIMEOUT("terminated;reason=timeout");

        final String header;

        Ending(String header) {
            this.header = header;
        }
    }

    boolean last() {
        return ending != null;
    }
}
