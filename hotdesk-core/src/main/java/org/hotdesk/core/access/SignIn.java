package org.hotdesk.core.access;

import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.user.User;

/** The answer to an employee's sign-in with extension and PIN (self-service page, API token). */
public sealed interface SignIn {
    record SignedIn(Principal principal, User user) implements SignIn {
    }

    /** Wrong tenant, extension or PIN share {@link LoginRefusal#INVALID_CREDENTIALS}, so nobody learns which exist. */
    record Refused(LoginRefusal refusal) implements SignIn {
    }
}
