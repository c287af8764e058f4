package org.hotdesk.core.forwarding;

/** Persistence port for each person's forwarding rules. */
public interface ForwardingStore {
    /** The person's rules; {@link Forwarding#NONE} when none were ever set. */
    Forwarding find(long userId);

    void save(long userId, Forwarding forwarding);
}
