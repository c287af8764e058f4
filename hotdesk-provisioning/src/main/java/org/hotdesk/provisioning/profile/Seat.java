package org.hotdesk.provisioning.profile;

import java.util.List;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.User;

/** Who sits at a desk now: the open session, its person, and their keys. */
public record Seat(Session session, User user, List<FunctionKey> keys) {
    public Seat {
        keys = List.copyOf(keys);
    }
}
