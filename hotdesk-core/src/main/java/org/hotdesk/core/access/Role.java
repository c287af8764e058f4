package org.hotdesk.core.access;

/** What a signed-in caller may do: everything, one tenant's administration, or their own hot-desk matters. */
public enum Role {
    /** Runs the server: every tenant. Holds the bootstrap token from the config. */
    SYSTEM_ADMIN,
    /** Administers one tenant (the "Hot Desking" console of that company), never another. */
    TENANT_ADMIN,
    /** A person with an extension: their own login codes and sessions only. */
    EMPLOYEE
}
