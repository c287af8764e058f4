package org.hotdesk.core.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands session events to every subscriber; one failing subscriber does not stop the others. */
public final class SessionEvents {
    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);
    private final List<Consumer<SessionEvent>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<SessionEvent> listener) {
        listeners.add(listener);
    }

    public void publish(SessionEvent event) {
        for (Consumer<SessionEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("session event listener failed event={} tenant={} device={}", event.getClass().getSimpleName(),
                        event.session().tenantId(), event.device().label(), e);
            }
        }
    }
}
