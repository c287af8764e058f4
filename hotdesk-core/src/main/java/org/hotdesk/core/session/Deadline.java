package org.hotdesk.core.session;

import java.time.Instant;

/** When an open session will end by itself, and with which reason. */
public record Deadline(Instant at, LogoutReason reason) {
}
