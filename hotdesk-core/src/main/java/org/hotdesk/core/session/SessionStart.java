package org.hotdesk.core.session;

import java.util.List;
import java.util.Optional;

/**
 * A session opened (or kept, when the same person logged in again).
 *
 * @param displaced          the session this one ended on the same device, if another user was there
 * @param loggedOutElsewhere the user's sessions on other devices ended by the single-login policy
 */
public record SessionStart(Session session, Optional<Session> displaced, List<Session> loggedOutElsewhere) {
}
