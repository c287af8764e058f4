package org.hotdesk.core.location;

/**
 * Told of every change to a binding, after the change (Kamailio usrloc's contact callbacks). Called on the thread
 * that made the change, outside the address-of-record's lock; a listener must not block for long.
 */
public interface LocationListener {
    /** A contact that was not bound before. */
    default void inserted(Registration binding) {
    }

    /** A contact re-registered (or replaced by the same {@code +sip.instance}). */
    default void refreshed(Registration before, Registration after) {
    }

    /** Removed by an un-REGISTER, or by the server (e.g. a phone-key session an admin ended). */
    default void removed(Registration binding) {
    }

    /** Ran out without a refresh. */
    default void expired(Registration binding) {
    }
}
