package org.hotdesk.core.device;

import org.hotdesk.core.audit.Actor;

/**
 * What follows from an admin's edit of a desk, done by the features above this one (sessions, timers, re-sync),
 * inside the edit's transaction and in its order.
 */
public interface DeviceListener {
    /** What the phone shows or fetches changed (its name, its provisioning, its removal): it fetches again. */
    void configChanged(Device device, String what);

    /** Whoever is logged in at the desk is logged out by an admin (the desk disabled, a bulk logout). */
    void logoutRequested(Device device, Actor actor);

    /** The desk is about to be removed: whoever is logged in there is logged out. */
    void removing(Device device, Actor actor);

    /** The desk's timer overrides changed: a session open there gets its timers recomputed. */
    void policyChanged(long deviceId);
}
