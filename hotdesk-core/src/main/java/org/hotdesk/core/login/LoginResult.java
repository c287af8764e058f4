package org.hotdesk.core.login;

import java.util.List;
import java.util.Optional;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.User;

/** The outcome of a login: expected failures are values, not exceptions. */
public sealed interface LoginResult {

    /**
     * @param user               who is now logged in, as read under the login's lock (what the confirmation says)
     * @param displaced          the session this login ended on the same device, if another user was there
     * @param loggedOutElsewhere the user's sessions on other devices ended by the single-login policy
     */
    record LoggedIn(Session session, User user, Optional<Session> displaced, List<Session> loggedOutElsewhere)
            implements LoginResult {
    }

    record Refused(LoginRefusal refusal) implements LoginResult {
    }
}
