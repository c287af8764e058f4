package org.hotdesk.core.user;

import org.hotdesk.core.audit.Actor;

/**
 * What follows from an admin's edit of a person, done by the features above this one (sessions, re-sync): their
 * sessions end when they may no longer sit at shared desks, and the desks they sit at show their new name and keys.
 */
public interface UserListener {
    /** Hot-desk access revoked: every session of theirs ends. */
    void hotDeskRevoked(long tenantId, long userId, Actor actor);

    /** The user was disabled: every session of theirs ends. */
    void disabled(long tenantId, long userId, Actor actor);

    /** The user is being deleted: every session of theirs ends first. */
    void deleting(long tenantId, long userId, Actor actor);

    /** Something their desks show changed (their name, their keys): every desk they are logged in at fetches again. */
    void deskDisplayChanged(long tenantId, long userId, String what);
}
