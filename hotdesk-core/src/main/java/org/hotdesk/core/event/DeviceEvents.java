package org.hotdesk.core.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands device events to every subscriber; one failing subscriber does not stop the others. */
public final class DeviceEvents {
    private static final Logger log = LoggerFactory.getLogger(DeviceEvents.class);
    private final List<Consumer<DeviceEvent>> listeners = new CopyOnWriteArrayList<>();

    public Subscription subscribe(Consumer<DeviceEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Subscribes ahead of everyone subscribed so far: for what must be current before anyone tells the phone, e.g.
     * the served configuration, which a phone answering the re-sync NOTIFY fetches at once.
     */
    public Subscription subscribeFirst(Consumer<DeviceEvent> listener) {
        listeners.add(0, listener);
        return () -> listeners.remove(listener);
    }

    /** @return whether anyone listens here: the command line's core has no listeners, the server's has */
    /** Does anyone here listen (the server does; the command line does not)? */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    public boolean publish(DeviceEvent event) {
        for (Consumer<DeviceEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("device event listener failed event={} tenant={} device={}", event.getClass().getSimpleName(),
                        event.device().tenantId(), event.device().label(), e);
            }
        }
        return !listeners.isEmpty();
    }
}
