package org.hotdesk.core.user;

/**
 * What one row of a user import asks: a new user (name and PIN required), or what an existing user of that
 * extension should become. The caller merges the columns a file leaves out with the user's current values.
 *
 * @param pin the new PIN, or null to keep the current one (required for a new user)
 */
public record UserImportRow(String extension, String name, boolean hotDesk, boolean enabled, String pin) {
}
