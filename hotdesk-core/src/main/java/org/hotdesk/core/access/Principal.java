package org.hotdesk.core.access;

import org.hotdesk.core.audit.Actor;

/**
 * Who is calling the API or using the console, once signed in.
 *
 * @param tenantId null only for the system admin
 * @param userId   the employee's own user id; null for admins
 * @param name     shown in the audit log: the token's name, or the employee's extension
 */
public record Principal(Role role, Long tenantId, Long userId, String name) {
    public Principal {
        if (role == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a principal needs a role and a name");
        }
        if (role != Role.SYSTEM_ADMIN && tenantId == null) {
            throw new IllegalArgumentException(role + " needs a tenant");
        }
        if (role == Role.EMPLOYEE && userId == null) {
            throw new IllegalArgumentException("an employee principal needs a user");
        }
    }

    public static Principal systemAdmin(String name) {
        return new Principal(Role.SYSTEM_ADMIN, null, null, name);
    }

    public static Principal tenantAdmin(long tenantId, String name) {
        return new Principal(Role.TENANT_ADMIN, tenantId, null, name);
    }

    public static Principal employee(long tenantId, long userId, String extension) {
        return new Principal(Role.EMPLOYEE, tenantId, userId, extension);
    }

    /** May change anything in this tenant: the system admin, or this tenant's admin. */
    public boolean administers(long tenant) {
        return role == Role.SYSTEM_ADMIN || (role == Role.TENANT_ADMIN && tenantId == tenant);
    }

    /** May act for this person: an admin of their tenant, or the person themselves. */
    public boolean actsFor(long tenant, long user) {
        return administers(tenant) || (role == Role.EMPLOYEE && tenantId == tenant && userId == user);
    }

    public boolean isAdmin() {
        return role != Role.EMPLOYEE;
    }

    /** How the audit log names this caller. */
    public Actor actor() {
        return role == Role.EMPLOYEE ? Actor.user(name) : Actor.admin(name);
    }
}
