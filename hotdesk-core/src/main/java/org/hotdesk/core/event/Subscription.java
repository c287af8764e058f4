package org.hotdesk.core.event;

/** Ends a subscription: a stopped SIP server must not keep reacting to events of the core that outlives it. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
