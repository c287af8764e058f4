package org.hotdesk.web.console.users;

import java.util.List;

/**
 * One person as the users page lists them.
 *
 * @param desks       the desks they are logged in at now (empty: not logged in)
 * @param lockedUntil "10:30" while too many wrong PINs lock them out, else null
 */
public record UserRow(long id, String name, String extension, boolean hotDesk, boolean enabled, List<String> desks,
                      String lockedUntil) {

    public boolean loggedIn() {
        return !desks.isEmpty();
    }

    /** The users list's search: name or extension contains the text, in any case. */
    public boolean matches(String search) {
        String s = search.toLowerCase(java.util.Locale.ROOT);
        return name.toLowerCase(java.util.Locale.ROOT).contains(s) || extension.contains(s);
    }
}
