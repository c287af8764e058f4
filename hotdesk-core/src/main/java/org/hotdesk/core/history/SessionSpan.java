package org.hotdesk.core.history;

import java.time.Instant;

/** When one desk was taken: a session's desk, login and logout (null while it is still open). */
public record SessionSpan(long deviceId, Instant startedAt, Instant endedAt) {
}
