package org.hotdesk.core.emergency;

import java.time.Instant;
import java.util.List;
import org.hotdesk.core.history.HistoryWindow;

/** Persistence port for emergency alerts: an outbox, so an alert outlives a restart until it is acknowledged. */
public interface EmergencyAlertStore {
    /** Stores a new alert (its id, delivery fields are ignored); due at once. */
    EmergencyAlert insert(EmergencyAlert alert);

    /** Undelivered alerts due at {@code now}, oldest first, any tenant. */
    List<EmergencyAlert> due(Instant now, int limit);

    void delivered(long id, Instant at);

    void failed(long id, int attempts, Instant nextAttemptAt, String error);

    /** Newest first. */
    List<EmergencyAlert> list(long tenantId, int limit);

    /** The tenant's alerts made within the window, newest first; only those of {@code userExtension} unless null. */
    List<EmergencyAlert> history(long tenantId, String userExtension, HistoryWindow window);
}
