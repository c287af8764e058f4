package org.hotdesk.web.session;

import java.time.Instant;
import org.hotdesk.core.access.Principal;

/**
 * A signed-in browser: who, and the token every form of this browser must send back (CSRF).
 *
 * @param flash   a one-time message for the next page ("3 devices imported"), or null
 * @param tokenId the stored token this browser signed in with, so revoking it signs the browser out; null when
 *                none was (an employee's PIN, the bootstrap admin token from the config)
 */
public record WebSession(String id, Principal principal, String csrfToken, Instant createdAt, Instant lastSeen,
                         String flash, Long tokenId) {
    WebSession touched(Instant now) {
        return new WebSession(id, principal, csrfToken, createdAt, now, flash, tokenId);
    }

    WebSession withFlash(String message) {
        return new WebSession(id, principal, csrfToken, createdAt, lastSeen, message, tokenId);
    }
}
