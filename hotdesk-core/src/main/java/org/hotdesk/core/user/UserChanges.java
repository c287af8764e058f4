package org.hotdesk.core.user;

/**
 * Several changes to one person, made together or not at all (an API PATCH). A null field leaves that part as
 * it is.
 */
public record UserChanges(String name, Boolean hotDesk, Boolean enabled) {
}
